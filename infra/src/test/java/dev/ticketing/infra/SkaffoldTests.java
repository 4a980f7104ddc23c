package dev.ticketing.infra;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.infra.Skaffold.Artifact;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code skaffold.yaml}: what it builds, renders and forwards exists and is what the
 * manifests use.
 */
class SkaffoldTests {

	@Test
	void itBuildsOneImagePerServiceAndOneForTheClientFromTheirDockerfiles() {
		Map<String, Artifact> artifacts = Skaffold.artifacts();
		assertThat(artifacts).containsOnlyKeys("auth-service", "tickets-service", "orders-service", "payments-service",
				"client");
		List<String> modules = rootModules();
		SoftAssertions softly = new SoftAssertions();
		artifacts.forEach((image, artifact) -> {
			softly.assertThat(Files.isRegularFile(Repository.path(artifact.dockerfilePath())))
				.as("Dockerfile of %s", image)
				.isTrue();
			if (image.equals("client")) {
				softly.assertThat(artifact.context()).isEqualTo("client");
				softly.assertThat(artifact.buildArgs()).isEmpty();
			}
			else {
				softly.assertThat(artifact.context()).as("context of %s", image).isEqualTo(".");
				softly.assertThat(artifact.dockerfile()).as("Dockerfile of %s", image).isEqualTo("Dockerfile");
				softly.assertThat(artifact.buildArgs())
					.as("build args of %s", image)
					.containsExactlyEntriesOf(Map.of("SERVICE", image));
				softly.assertThat(modules).as("Maven modules").contains(image);
			}
		});
		softly.assertAll();
	}

	@Test
	void itRendersTheDevOverlayAndItsProdProfileTheProdOverlay() {
		JsonNode config = Skaffold.config();
		assertThat(config.path("apiVersion").asString()).startsWith("skaffold/v4");
		List<String> paths = texts(config.path("manifests").path("kustomize").path("paths"));
		assertThat(paths).containsExactly("infra/k8s/overlays/dev");
		JsonNode prod = profile(config, "prod");
		List<String> replaced = new ArrayList<>();
		for (JsonNode patch : prod.path("patches")) {
			if (patch.path("path").asString().equals("/manifests/kustomize/paths/0")) {
				replaced.add(patch.path("value").asString());
			}
		}
		assertThat(replaced).containsExactly("infra/k8s/overlays/prod");
		for (String path : List.of(paths.get(0), replaced.get(0))) {
			assertThat(Repository.path(path).resolve("kustomization.yaml")).isRegularFile();
		}
	}

	@Test
	void beforeRenderingItGeneratesTheDevSecretsWithTheScriptTheDevOverlayNames() {
		JsonNode hooks = Skaffold.config().path("manifests").path("hooks").path("before");
		assertThat(hooks.size()).isEqualTo(1);
		List<String> command = texts(hooks.get(0).path("host").path("command"));
		assertThat(command).containsExactly("infra/k8s/overlays/dev/generate-secrets.sh");
		assertThat(Files.isExecutable(Repository.path(command.get(0)))).isTrue();
		assertThat(Repository.read("infra/k8s/overlays/dev/kustomization.yaml")).contains("generate-secrets.sh");
	}

	@Test
	void itForwardsTheStorefrontsServiceToLocalhost3000() {
		JsonNode forwards = Skaffold.config().path("portForward");
		assertThat(forwards.size()).isEqualTo(1);
		JsonNode forward = forwards.get(0);
		Service service = Manifests.of("dev").get(Service.class, forward.path("resourceName").asString());
		assertThat(forward.path("resourceType").asString()).isEqualTo("service");
		assertThat(forward.path("namespace").asString()).isEqualTo(service.getMetadata().getNamespace());
		assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort)
			.contains(forward.path("port").asInt());
		assertThat(forward.path("localPort").asInt()).isEqualTo(3000);
	}

	static List<String> rootModules() {
		List<String> modules = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<module>([^<]+)</module>")
			.matcher(Repository.read("pom.xml"));
		while (matcher.find()) {
			modules.add(matcher.group(1));
		}
		return modules;
	}

	private static JsonNode profile(JsonNode config, String name) {
		for (JsonNode profile : config.path("profiles")) {
			if (profile.path("name").asString().equals(name)) {
				return profile;
			}
		}
		throw new AssertionError("skaffold.yaml has no profile " + name);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

}
