package dev.ticketing.auth;

import java.util.Map;

import dev.ticketing.auth.roles.RolesCommand;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthApplication {

	/** The exit status of a command that could not run (no database, a bad setting). */
	static final int FAILED = 1;

	public static void main(String[] args) {
		if (RolesCommand.isSelectedBy(args)) {
			System.exit(runCommand(args));
		}
		SpringApplication.run(AuthApplication.class, args);
	}

	/**
	 * The operator command ({@code roles …}, see {@link RolesCommand}): the service's
	 * configuration and database, migrated by Flyway as at every start, but no web
	 * server; the command runs and the context closes.
	 * @return the command's exit status, {@value #FAILED} when it could not start
	 */
	static int runCommand(String... args) {
		SpringApplication application = new SpringApplication(AuthApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// The command's line is what the operator reads. The log says only what went
		// wrong, without the start-up failure's stack trace, which the line below
		// sums up (LOGGING_LEVEL_ROOT=info and
		// LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_SPRINGAPPLICATION=error show all).
		application.setDefaultProperties(Map.of("logging.level.root", "error",
				"logging.level.org.springframework.boot.SpringApplication", "off"));
		try {
			return SpringApplication.exit(application.run(args));
		}
		catch (RuntimeException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			System.err.println("error: the command could not run: "
					+ ((cause.getMessage() != null) ? cause.getMessage() : cause.toString()));
			return FAILED;
		}
	}

}
