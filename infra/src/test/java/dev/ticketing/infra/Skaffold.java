package dev.ticketing.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code skaffold.yaml}, as a tree, and its artifacts.
 */
final class Skaffold {

	private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

	private Skaffold() {
	}

	static JsonNode config() {
		return MAPPER.readTree(Repository.read("skaffold.yaml"));
	}

	/** The images skaffold builds, by name, in the file's order. */
	static Map<String, Artifact> artifacts() {
		Map<String, Artifact> artifacts = new LinkedHashMap<>();
		for (JsonNode artifact : config().path("build").path("artifacts")) {
			Map<String, String> buildArgs = new TreeMap<>();
			artifact.path("docker")
				.path("buildArgs")
				.properties()
				.forEach((arg) -> buildArgs.put(arg.getKey(), arg.getValue().asString()));
			artifacts.put(artifact.path("image").asString(), new Artifact(artifact.path("context").asString("."),
					artifact.path("docker").path("dockerfile").asString("Dockerfile"), buildArgs));
		}
		return artifacts;
	}

	/**
	 * One image skaffold builds.
	 *
	 * @param context the build context, relative to the repository
	 * @param dockerfile the Dockerfile, relative to the context
	 * @param buildArgs the build arguments
	 */
	record Artifact(String context, String dockerfile, Map<String, String> buildArgs) {

		String dockerfilePath() {
			return this.context.equals(".") ? this.dockerfile : this.context + "/" + this.dockerfile;
		}

	}

}
