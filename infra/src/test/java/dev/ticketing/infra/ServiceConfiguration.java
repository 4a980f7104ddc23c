package dev.ticketing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import dev.ticketing.common.config.CommonDefaults;

/**
 * A Java service's configuration as Spring Boot resolves it in a container: the
 * container's environment variables, then the active profiles' and the plain
 * {@code application.yaml} of the service's module, then the defaults from
 * {@code common}. Nothing of this machine's environment takes part.
 */
final class ServiceConfiguration {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private final ConfigurableEnvironment environment;

	/** The environment variables the module's configuration files name, read once. */
	private final Set<String> placeholders;

	private ServiceConfiguration(String module, ConfigurableEnvironment environment) {
		this.environment = environment;
		this.placeholders = placeholders(module);
	}

	static ServiceConfiguration of(String module, Map<String, String> containerEnvironment) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("container", Map.copyOf(containerEnvironment)));
		String[] profiles = environment.getProperty("spring.profiles.active", String[].class, new String[0]);
		for (int i = profiles.length - 1; i >= 0; i--) {
			load(module, "application-" + profiles[i] + ".yaml").forEach(environment.getPropertySources()::addLast);
		}
		load(module, "application.yaml").forEach(environment.getPropertySources()::addLast);
		new CommonDefaults().postProcessEnvironment(environment, null);
		environment.setActiveProfiles(profiles);
		return new ServiceConfiguration(module, environment);
	}

	private static List<PropertySource<?>> load(String module, String file) {
		Path path = resources(module).resolve(file);
		if (!Files.exists(path)) {
			throw new AssertionError(module + " has no " + file + " for the profile the manifests activate");
		}
		try {
			return new YamlPropertySourceLoader().load(module + "/" + file, new FileSystemResource(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path resources(String module) {
		return Repository.path(module + "/src/main/resources");
	}

	String property(String name) {
		return this.environment.getProperty(name);
	}

	/** The port the service listens on. */
	int serverPort() {
		return Integer.parseInt(this.environment.getRequiredProperty("server.port"));
	}

	/**
	 * The paths of Actuator's health endpoint and of its groups, as this configuration
	 * serves them on the server port.
	 */
	Set<String> healthPaths() {
		Set<String> paths = new LinkedHashSet<>();
		List<String> exposed = Arrays.asList(this.environment.getProperty("management.endpoints.web.exposure.include",
				String[].class, new String[0]));
		if (this.environment.getProperty("management.server.port") != null || !exposed.contains("health")) {
			return paths;
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		String health = contextPath + this.environment.getProperty("management.endpoints.web.base-path", "/actuator")
				+ "/health";
		paths.add(health);
		if (this.environment.getProperty("management.endpoint.health.probes.enabled", Boolean.class, false)) {
			paths.add(health + "/liveness");
			paths.add(health + "/readiness");
		}
		return paths;
	}

	/**
	 * Whether the service reads the environment variable: an {@code ${NAME}} placeholder
	 * in its configuration files, or a Spring or Actuator ({@code management.*}) property
	 * under its relaxed name.
	 */
	boolean reads(String variable) {
		if (variable.startsWith("SPRING_") || variable.startsWith("MANAGEMENT_")
				|| variable.equals("JAVA_TOOL_OPTIONS")) {
			return true;
		}
		return this.placeholders.contains(variable);
	}

	private static Set<String> placeholders(String module) {
		Set<String> names = new LinkedHashSet<>();
		List<Path> files = new ArrayList<>();
		try (var stream = Files.list(resources(module))) {
			stream.filter((path) -> path.getFileName().toString().matches("application.*\\.yaml")).forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Path file : files) {
			try {
				Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return names;
	}

}
