package dev.ticketing.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.ticketing.infra.Skaffold.Artifact;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .github/workflows/ci.yml} parses, runs the same test command as {@code .ci/run}
 * and the README, with the servers that command needs, and builds every image skaffold
 * builds, the same way.
 */
class WorkflowTests {

	private static final JsonNode WORKFLOW = YAMLMapper.builder()
		.build()
		.readTree(Repository.read(".github/workflows/ci.yml"));

	@Test
	void itRunsOnEveryPushToMainAndEveryPullRequest() {
		JsonNode on = WORKFLOW.path("on");
		assertThat(texts(on.path("push").path("branches"))).containsExactly("main");
		assertThat(on.has("pull_request")).isTrue();
	}

	@Test
	void itRunsTheTestCommandOfCiRunAndTheReadme() {
		List<String> runs = new ArrayList<>();
		WORKFLOW.path("jobs").path("test").path("steps").forEach((step) -> runs.add(step.path("run").asString("")));
		assertThat(runs).contains("bash .ci/run");
		assertThat(Repository.read(".ci/run")).containsPattern("(?m)^exec bin/test$");
		assertThat(Repository.read("README.md")).containsPattern("(?m)^bin/test$");
	}

	@Test
	void itGivesTheTestsPostgresqlAndNatsWithJetStreamOnTheirLocalPortsAndJdk25() {
		JsonNode job = WORKFLOW.path("jobs").path("test");
		JsonNode postgres = job.path("services").path("postgres");
		assertThat(postgres.path("image").asString()).startsWith("postgres:15");
		assertThat(postgres.path("env").path("POSTGRES_HOST_AUTH_METHOD").asString()).isEqualTo("trust");
		assertThat(texts(postgres.path("ports"))).containsExactly("5432:5432");
		List<String> runs = new ArrayList<>();
		List<String> javas = new ArrayList<>();
		job.path("steps").forEach((step) -> {
			runs.add(step.path("run").asString(""));
			if (step.path("uses").asString("").startsWith("actions/setup-java@")) {
				javas.add(step.path("with").path("java-version").asString());
			}
		});
		assertThat(runs).anySatisfy(
				(run) -> assertThat(run).containsPattern("nats:[0-9.]+-alpine -js\\b").contains("--publish 4222:4222"));
		assertThat(runs).as("the tests' own nats-server processes need the binary")
			.anySatisfy((run) -> assertThat(run).contains("apt-get install").contains("nats-server"));
		assertThat(javas).containsExactly("25");
		assertThat(Repository.read("pom.xml")).contains("<java.version>25</java.version>");
	}

	@Test
	void itBuildsEveryImageSkaffoldBuildsFromTheSameContextDockerfileAndBuildArguments() {
		Map<String, Artifact> built = new TreeMap<>();
		for (JsonNode entry : WORKFLOW.path("jobs").path("images").path("strategy").path("matrix").path("include")) {
			String service = entry.path("service").asString("");
			built.put(entry.path("image").asString(), new Artifact(entry.path("context").asString(),
					entry.path("dockerfile").asString(), service.isEmpty() ? Map.of() : Map.of("SERVICE", service)));
		}
		assertThat(built).isEqualTo(new TreeMap<>(Skaffold.artifacts()));
		JsonNode build = WORKFLOW.path("jobs").path("images").path("steps").get(2);
		assertThat(build.path("uses").asString()).startsWith("docker/build-push-action@");
		assertThat(build.path("with").path("file").asString())
			.isEqualTo("${{ matrix.context }}/${{ matrix.dockerfile }}");
		assertThat(build.path("with").path("build-args").asString()).contains("SERVICE={0}", "matrix.service");
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

}
