package dev.ticketing.auth.roles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ticketing.auth.AuthIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code roles} command's words, lines and exit statuses, run by the command bean of
 * the service under test against its database. {@code RolesCommandLineIntegrationTests}
 * runs it as the program does.
 */
@ExtendWith(OutputCaptureExtension.class)
class RolesCommandIntegrationTests extends AuthIntegrationTest {

	@Autowired
	private RolesCommand command;

	@Autowired
	private RoleService roles;

	@Test
	void grantsARoleAndSaysWhenItTakesEffect() {
		String email = signedUp();

		Outcome outcome = execute("grant", "door", email);

		assertThat(outcome.status()).isZero();
		assertThat(outcome.out())
			.isEqualTo("granted door to " + email + "; it takes effect at their next sign-in or refresh\n");
		assertThat(outcome.err()).isEmpty();
		assertThat(this.roles.show(email).roles()).containsExactly("door");
	}

	@Test
	void grantingARoleHeldSucceedsAndSaysNothingChanged() {
		String email = signedUp();
		execute("grant", "support", email);

		Outcome again = execute("grant", "support", email.toLowerCase());

		assertThat(again.status()).isZero();
		assertThat(again.out()).isEqualTo(email + " already has support; nothing changed\n");
		assertThat(this.roles.show(email).roles()).containsExactly("support");
	}

	@Test
	void revokesARoleAndSaysWhenItTakesEffect() {
		String email = signedUp();
		execute("grant", "door", email);

		Outcome outcome = execute("revoke", "door", email);

		assertThat(outcome.status()).isZero();
		assertThat(outcome.out()).isEqualTo("revoked door from " + email
				+ "; it takes effect at their next sign-in or refresh (access tokens already issued keep it until they expire, within 15 minutes)\n");
		assertThat(this.roles.show(email).roles()).isEmpty();
	}

	@Test
	void revokingARoleNotHeldSucceedsAndSaysNothingChanged() {
		String email = signedUp();

		Outcome outcome = execute("revoke", "door", email);

		assertThat(outcome.status()).isZero();
		assertThat(outcome.out()).isEqualTo(email + " does not have door; nothing changed\n");
	}

	@Test
	void showsTheRolesSortedOrNone() {
		String email = signedUp();

		assertThat(execute("show", email).out()).isEqualTo(email + " has no roles\n");
		execute("grant", "support", email);
		execute("grant", "door", email);
		Outcome outcome = execute("show", email);

		assertThat(outcome.status()).isZero();
		assertThat(outcome.out()).isEqualTo(email + " has door, support\n");
	}

	@Test
	void refusesAnUnknownEmailWithStatus2() {
		String email = uniqueEmail();

		for (List<String> words : List.of(List.of("grant", "door", email), List.of("revoke", "door", email),
				List.of("show", email))) {
			Outcome outcome = execute(words.toArray(String[]::new));

			assertThat(outcome.status()).as("%s", words).isEqualTo(2);
			assertThat(outcome.out()).isEmpty();
			assertThat(outcome.err()).isEqualTo("error: no account has the email " + email + "\n");
		}
	}

	@Test
	void refusesAnUnknownRoleWithStatus2() {
		String email = signedUp();

		Outcome grant = execute("grant", "admin", email);
		Outcome revoke = execute("revoke", "Door", email);

		assertThat(grant.status()).isEqualTo(2);
		assertThat(grant.out()).isEmpty();
		assertThat(grant.err()).isEqualTo("error: unknown role admin; the roles are door, support\n");
		assertThat(revoke.status()).isEqualTo(2);
		assertThat(revoke.err()).isEqualTo("error: unknown role Door; the roles are door, support\n");
		assertThat(this.roles.show(email).roles()).isEmpty();
	}

	@Test
	void refusesWordsThatAreNoCommandWithStatus2AndTheUsage() {
		String email = signedUp();

		for (String[] words : new String[][] { {}, { "grant" }, { "grant", "door" },
				{ "grant", "door", email, "extra" }, { "revoke", email }, { "show" }, { "show", "door", email },
				{ "list" }, { "--help" }, { "GRANT", "door", email } }) {
			Outcome outcome = execute(words);

			assertThat(outcome.status()).as(String.join(" ", words)).isEqualTo(2);
			assertThat(outcome.out()).isEmpty();
			assertThat(outcome.err()).startsWith("error: ")
				.endsWith("\nusage: roles grant <role> <email> | roles revoke <role> <email> | roles show <email>\n");
		}
		assertThat(this.roles.show(email).roles()).isEmpty();
	}

	@Test
	void runsOnlyWhenTheFirstProgramArgumentIsRoles(CapturedOutput output) {
		String email = signedUp();

		this.command.run(new DefaultApplicationArguments());
		this.command.run(new DefaultApplicationArguments("--server.port=0"));
		this.command.run(new DefaultApplicationArguments("grant", "door", email));
		this.command.run(new DefaultApplicationArguments("--x=y", "roles", "grant", "door", email));

		assertThat(this.command.getExitCode()).isZero();
		assertThat(output).doesNotContain("granted");
		assertThat(this.roles.show(email).roles()).isEmpty();
	}

	@Test
	void takesTheCommandsWordsFromTheProgramArgumentsAndLeavesOptionsToSpring(CapturedOutput output) {
		String email = signedUp();

		this.command.run(new DefaultApplicationArguments("roles", "grant", "door", email, "--logging.level.root=warn"));

		assertThat(this.command.getExitCode()).isZero();
		assertThat(output.getOut()).contains("granted door to " + email);
		assertThat(this.roles.show(email).roles()).containsExactly("door");
	}

	private String signedUp() {
		String email = uniqueEmail();
		assertThat(signup(email, "correct horse").status()).isEqualTo(201);
		return email;
	}

	private Outcome execute(String... words) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = this.command.execute(List.of(words), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Outcome(int status, String out, String err) {
	}

}
