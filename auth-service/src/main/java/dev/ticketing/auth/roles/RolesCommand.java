package dev.ticketing.auth.roles;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import dev.ticketing.auth.config.AuthProperties;
import dev.ticketing.auth.roles.RoleService.HeldRoles;
import dev.ticketing.auth.roles.RoleService.RoleChange;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The operator command {@code roles grant <role> <email>}, {@code roles revoke <role>
 * <email>}, {@code roles show <email>}: one line on standard output saying what it did,
 * exit status 0; an unknown role or email, or words that are not a command, a message on
 * standard error and exit status 2. It runs only when the program's first argument is
 * {@value #NAME} ({@code AuthApplication} then starts no web server); a service started
 * any other way has nothing for it to do.
 */
@Component
public class RolesCommand implements ApplicationRunner, ExitCodeGenerator {

	/** The program argument that selects this command. */
	public static final String NAME = "roles";

	/** The exit status of a refused command: unknown role or email, or bad usage. */
	public static final int REFUSED = 2;

	static final String USAGE = "usage: roles grant <role> <email> | roles revoke <role> <email> | roles show <email>";

	private final RoleService roles;

	private final Duration accessTokenTtl;

	private int exitCode;

	RolesCommand(RoleService roles, AuthProperties properties) {
		this.roles = roles;
		this.accessTokenTtl = properties.accessTokenTtl();
	}

	/** Whether these program arguments ask for this command rather than the service. */
	public static boolean isSelectedBy(String... args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!isSelectedBy(args.getSourceArgs())) {
			return;
		}
		// Options (--spring.datasource.url=…) are Spring's; the words are the command's.
		List<String> words = args.getNonOptionArgs();
		this.exitCode = execute(words.subList(1, words.size()), System.out, System.err);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	int execute(List<String> words, PrintStream out, PrintStream err) {
		try {
			out.println(perform(words));
			return 0;
		}
		catch (UsageException ex) {
			err.println("error: " + ex.getMessage());
			err.println(USAGE);
			return REFUSED;
		}
		catch (UnknownRoleException | AccountNotFoundException ex) {
			err.println("error: " + ex.getMessage());
			return REFUSED;
		}
	}

	private String perform(List<String> words) {
		String action = words.isEmpty() ? "" : words.getFirst();
		return switch (action) {
			case "grant" -> granted(this.roles.grant(word(words, 1, 3), word(words, 2, 3)));
			case "revoke" -> revoked(this.roles.revoke(word(words, 1, 3), word(words, 2, 3)));
			case "show" -> shown(this.roles.show(word(words, 1, 2)));
			case "" -> throw new UsageException("say what to do: grant, revoke or show");
			default -> throw new UsageException("no such command: " + action);
		};
	}

	/** The word at {@code index} of a command that has exactly {@code count} words. */
	private static String word(List<String> words, int index, int count) {
		if (words.size() != count) {
			throw new UsageException(words.getFirst() + " takes " + (count - 1)
					+ ((count == 2) ? " argument" : " arguments") + ", not " + (words.size() - 1));
		}
		return words.get(index);
	}

	private static String granted(RoleChange change) {
		if (!change.changed()) {
			return change.email() + " already has " + change.role() + "; nothing changed";
		}
		return "granted " + change.role() + " to " + change.email()
				+ "; it takes effect at their next sign-in or refresh";
	}

	private String revoked(RoleChange change) {
		if (!change.changed()) {
			return change.email() + " does not have " + change.role() + "; nothing changed";
		}
		return "revoked " + change.role() + " from " + change.email()
				+ "; it takes effect at their next sign-in or refresh (access tokens already issued keep it until they expire, within "
				+ human(this.accessTokenTtl) + ")";
	}

	private static String shown(HeldRoles held) {
		return held.email() + " has " + (held.roles().isEmpty() ? "no roles" : String.join(", ", held.roles()));
	}

	private static String human(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0) {
			return plural(seconds / 3600, "hour");
		}
		if (seconds % 60 == 0) {
			return plural(seconds / 60, "minute");
		}
		return plural(seconds, "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

	private static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
