package dev.ticketing.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Base64;

import dev.ticketing.auth.roles.RolesCommand;
import dev.ticketing.common.testing.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code roles} command as the program runs it ({@code java -jar auth-service.jar
 * roles grant door ada@example.com}, what {@code bin/roles} does): a second application
 * context of its own, without a web server, against the service's test database, while
 * the service under test answers HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class RolesCommandLineIntegrationTests extends AuthIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void grantsShowsAndRevokesARoleThatTheNextRefreshCarries(CapturedOutput output) {
		String email = uniqueEmail();
		Response signup = signup(email, "correct horse");

		// On the port the service under test listens on: a web server would not start.
		assertThat(AuthApplication.runCommand(command("grant", "door", email, "--server.port=" + this.port))).isZero();
		assertThat(output.getOut())
			.contains("granted door to " + email + "; it takes effect at their next sign-in or refresh");

		Response granted = refresh(signup.cookieValue("refresh"));
		assertThat(claims(granted).get("roles").valueStream().map(JsonNode::asString)).containsExactly("door");
		JsonNode currentUser = this.http
			.get("/api/users/currentuser", "Authorization", "Bearer " + granted.cookieValue("session"))
			.json()
			.get("currentUser");
		assertThat(currentUser.get("roles").valueStream().map(JsonNode::asString)).containsExactly("door");

		assertThat(AuthApplication.runCommand(command("show", email))).isZero();
		assertThat(output.getOut()).contains(email + " has door");

		assertThat(AuthApplication.runCommand(command("revoke", "door", email))).isZero();
		assertThat(output.getOut()).contains("revoked door from " + email);
		Response revoked = refresh(granted.cookieValue("refresh"));
		assertThat(claims(revoked).has("roles")).isFalse();
	}

	@Test
	void exitsWithStatus2ForAnUnknownEmail(CapturedOutput output) {
		String email = uniqueEmail();

		assertThat(AuthApplication.runCommand(command("grant", "door", email))).isEqualTo(2);
		assertThat(output.getErr()).contains("error: no account has the email " + email);
		assertThat(output.getOut()).doesNotContain("granted");
	}

	@Test
	void exitsWithStatus1AndSaysWhyWhenItCannotRun(CapturedOutput output) {
		String[] args = command("show", uniqueEmail(),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/ticketing_auth_test_missing");

		assertThat(AuthApplication.runCommand(args)).isEqualTo(1);
		assertThat(output.getErr()).contains("error: the command could not run: ")
			.contains("database \"ticketing_auth_test_missing\" does not exist");
	}

	@Test
	void isSelectedOnlyByRolesAsTheFirstArgument() {
		assertThat(RolesCommand.isSelectedBy()).isFalse();
		assertThat(RolesCommand.isSelectedBy("--server.port=0")).isFalse();
		assertThat(RolesCommand.isSelectedBy("--spring.profiles.active=test", "roles")).isFalse();
		assertThat(RolesCommand.isSelectedBy("roles")).isTrue();
		assertThat(RolesCommand.isSelectedBy("roles", "grant", "door", "ada@example.com")).isTrue();
	}

	/**
	 * The command's arguments, run with the tests' profile as the service under test is.
	 */
	private static String[] command(String... words) {
		String[] args = new String[words.length + 2];
		args[0] = "roles";
		System.arraycopy(words, 0, args, 1, words.length);
		args[args.length - 1] = "--spring.profiles.active=test";
		return args;
	}

	private Response refresh(String refreshToken) {
		Response response = this.http.post("/api/users/refresh", BodyPublishers.noBody(), "Cookie",
				"refresh=" + refreshToken);
		assertThat(response.status()).isEqualTo(200);
		return response;
	}

	private static JsonNode claims(Response session) {
		return JSON.readTree(Base64.getUrlDecoder().decode(session.cookieValue("session").split("\\.")[1]));
	}

}
