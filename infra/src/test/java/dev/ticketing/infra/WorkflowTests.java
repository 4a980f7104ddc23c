package dev.ticketing.infra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.ticketing.infra.Skaffold.Artifact;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .github/workflows/ci.yml} parses, runs the same test command as {@code .ci/run}
 * and the README, with the servers that command needs, builds every image skaffold
 * builds, the same way, and deploys those images with {@code overlays/dev} to a kind
 * cluster, where the smoke test drives them through the Ingress. That job cannot run
 * here: these tests check its shape, and run its deploy step with kubectl standing in.
 */
class WorkflowTests {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final JsonNode WORKFLOW = YAML.readTree(Repository.read(".github/workflows/ci.yml"));

	private static final JsonNode KIND = WORKFLOW.path("jobs").path("kind");

	private static final String VERSION = "v[0-9]+\\.[0-9]+\\.[0-9]+";

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

	@Test
	void theKindJobLoadsEachImageTheImagesJobBuiltAndSavedForIt() {
		assertThat(KIND.path("needs").asString()).isEqualTo("images");
		JsonNode images = WORKFLOW.path("jobs").path("images");
		assertThat(step(images, (step) -> run(step).startsWith("docker image save")).path("run").asString())
			.isEqualTo("docker image save --output \"$RUNNER_TEMP/${{ matrix.image }}.tar\" "
					+ "\"${{ matrix.image }}:${{ github.sha }}\"");
		JsonNode upload = step(images, uses("actions/upload-artifact@")).path("with");
		assertThat(upload.path("name").asString()).isEqualTo("image-${{ matrix.image }}");
		assertThat(upload.path("path").asString()).isEqualTo("${{ runner.temp }}/${{ matrix.image }}.tar");
		JsonNode download = step(KIND, uses("actions/download-artifact@")).path("with");
		assertThat(download.path("pattern").asString()).isEqualTo("image-*");
		assertThat(download.path("path").asString()).isEqualTo("${{ runner.temp }}/images");
		assertThat(download.path("merge-multiple").asBoolean()).isTrue();
		assertThat(Arrays.asList(env(KIND, "IMAGES").split(" ")))
			.containsExactlyInAnyOrderElementsOf(Skaffold.artifacts().keySet());
		assertThat(run(step(KIND, (step) -> run(step).contains("kind load")))).contains("for image in $IMAGES; do")
			.contains("kind load image-archive --name \"$CLUSTER\" \"$RUNNER_TEMP/images/$image.tar\"");
	}

	@Test
	void theKindJobCreatesOneNodeWithTheRunnersPorts80And443FromPinnedVersions() {
		JsonNode action = step(KIND, uses("helm/kind-action@"));
		assertThat(action.path("uses").asString()).as("a third-party action, pinned to a commit")
			.matches("helm/kind-action@[0-9a-f]{40}");
		JsonNode with = action.path("with");
		assertThat(with.path("version").asString()).matches(VERSION);
		String node = with.path("node_image").asString();
		assertThat(node).matches("kindest/node:" + VERSION + "@sha256:[0-9a-f]{64}");
		assertThat(with.path("kubectl_version").asString()).matches(VERSION)
			.as("kubectl of the node's minor version")
			.startsWith(node.replaceFirst("kindest/node:(v[0-9]+\\.[0-9]+\\.).*", "$1"));
		assertThat(with.path("cluster_name").asString()).isEqualTo("${{ env.CLUSTER }}");

		JsonNode cluster = YAML.readTree(Repository.read(with.path("config").asString()));
		assertThat(cluster.path("kind").asString()).isEqualTo("Cluster");
		assertThat(cluster.path("apiVersion").asString()).isEqualTo("kind.x-k8s.io/v1alpha4");
		assertThat(cluster.path("nodes")).as("one node: ingress-nginx runs where the ports are").hasSize(1);
		JsonNode controlPlane = cluster.path("nodes").get(0);
		assertThat(controlPlane.path("role").asString()).isEqualTo("control-plane");
		List<String> ports = new ArrayList<>();
		controlPlane.path("extraPortMappings")
			.forEach((mapping) -> ports.add(mapping.path("hostPort").asInt() + "->"
					+ mapping.path("containerPort").asInt() + "/" + mapping.path("protocol").asString("TCP")));
		assertThat(ports).containsExactly("80->80/TCP", "443->443/TCP");
	}

	@Test
	void itInstallsIngressNginxsKindManifestAtAPinnedVersionByChecksumAndWaitsForItsControllerAndWebhook() {
		assertThat(env(KIND, "INGRESS_NGINX_VERSION")).matches(VERSION);
		assertThat(env(KIND, "INGRESS_NGINX_SHA256")).matches("[0-9a-f]{64}");
		String install = run(step(KIND, (step) -> run(step).contains("sha256sum")));
		assertThat(install)
			.contains("https://raw.githubusercontent.com/kubernetes/ingress-nginx/"
					+ "controller-$INGRESS_NGINX_VERSION/deploy/static/provider/kind/deploy.yaml")
			.contains("echo \"$INGRESS_NGINX_SHA256  $manifest\" | sha256sum --check --strict")
			.contains("kubectl apply -f \"$manifest\"")
			.containsPattern("kubectl rollout status -n ingress-nginx deployment/ingress-nginx-controller "
					+ "--timeout=[0-9]+m")
			.contains("validatingwebhookconfiguration ingress-nginx-admission")
			.contains("clientConfig.caBundle");
		assertThat(install.indexOf("sha256sum")).as("checked before it is applied")
			.isLessThan(install.indexOf("kubectl apply"));
	}

	@Test
	void itDeploysOverlaysDevWithThisCommitsImagesWhichKindIsNeverToPull(@TempDir Path temp) throws IOException {
		String deploy = run(step(KIND, (step) -> run(step).contains("kubectl apply -k")));
		assertThat(deploy).startsWith("infra/k8s/overlays/dev/generate-secrets.sh\n");
		// The step as the runner runs it, in a workspace holding infra/k8s, with a
		// kubectl
		// that only notes what it is asked to apply.
		Path workspace = temp.resolve("workspace");
		FileSystemUtils.copyRecursively(Repository.path("infra/k8s"), workspace.resolve("infra/k8s"));
		FileSystemUtils.deleteRecursively(workspace.resolve("infra/k8s/overlays/dev/secrets"));
		// A plain copy drops the executable bit that git keeps (SkaffoldTests checks it).
		assertThat(workspace.resolve("infra/k8s/overlays/dev/generate-secrets.sh").toFile().setExecutable(true))
			.isTrue();
		Path bin = Files.createDirectories(temp.resolve("bin"));
		Path calls = temp.resolve("kubectl-calls");
		Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\nprintf '%s\\n' \"$*\" >>\"$KUBECTL_CALLS\"\n");
		assertThat(bin.resolve("kubectl").toFile().setExecutable(true)).isTrue();
		String sha = "0123456789abcdef0123456789abcdef01234567";
		ProcessBuilder process = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", deploy)
			.directory(workspace.toFile())
			.redirectErrorStream(true)
			.redirectOutput(temp.resolve("output").toFile());
		process.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
		process.environment().put("RUNNER_TEMP", Files.createDirectories(temp.resolve("runner")).toString());
		process.environment().put("GITHUB_SHA", sha);
		process.environment().put("IMAGES", env(KIND, "IMAGES"));
		process.environment().put("KUBECTL_CALLS", calls.toString());
		assertThat(exitCode(process)).as(() -> read(temp.resolve("output"))).isZero();

		List<String> applied = Files.readAllLines(calls);
		assertThat(applied).hasSize(1);
		assertThat(applied.get(0)).startsWith("apply -k ");
		Manifests deployed = Manifests.parse("dev on kind",
				Kustomize.render(Path.of(applied.get(0).substring("apply -k ".length()))));
		assertThat(deployed.all().stream().map(WorkflowTests::identity)).as("overlays/dev, nothing added or left out")
			.containsExactlyInAnyOrderElementsOf(
					Manifests.of("dev").all().stream().map(WorkflowTests::identity).toList());
		List<String> images = new ArrayList<>();
		for (Deployment deployment : deployed.all(Deployment.class)) {
			for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				images.add(container.getImage() + " " + container.getImagePullPolicy());
			}
		}
		assertThat(images).containsExactlyInAnyOrderElementsOf(
				Skaffold.artifacts().keySet().stream().map((image) -> image + ":" + sha + " Never").toList());
		for (StatefulSet statefulSet : deployed.all(StatefulSet.class)) {
			assertThat(statefulSet.getSpec().getTemplate().getSpec().getContainers())
				.as("%s runs a public image, pulled as usual", statefulSet.getMetadata().getName())
				.allSatisfy((container) -> assertThat(container.getImagePullPolicy()).isNull());
		}
	}

	@Test
	void itWaitsForEveryRolloutAndTheIngressThenRunsTheSmokeTestThroughIt() {
		assertThat(env(KIND, "NAMESPACE"))
			.isEqualTo(YAML.readTree(Repository.read("infra/k8s/overlays/dev/kustomization.yaml"))
				.path("namespace")
				.asString());
		String rollouts = run(step(KIND, (step) -> run(step).contains("kubectl rollout status -n \"$NAMESPACE\"")));
		assertThat(rollouts)
			.contains("for workload in $(kubectl get deployments,statefulsets -n \"$NAMESPACE\" -o name)")
			.containsPattern("kubectl rollout status -n \"\\$NAMESPACE\" \"\\$workload\" --timeout=[0-9]+m");
		String ingress = run(step(KIND, (step) -> run(step).contains("curl -fsS -o /dev/null http://localhost/")));
		assertThat(ingress).contains("http://localhost/healthz").contains("http://localhost/api/tickets");

		JsonNode smoke = step(KIND, (step) -> run(step).contains("smoke-test.sh"));
		assertThat(run(smoke)).isEqualTo("infra/local/smoke-test.sh");
		assertThat(smoke.path("env").path("SMOKE_SITE").asString()).isEqualTo("http://localhost");
		assertThat(smoke.path("env").path("SMOKE_NAMESPACE").asString()).isEqualTo("${{ env.NAMESPACE }}");
		assertThat(Repository.read("infra/local/smoke-test.sh"))
			.contains("site=\"${SMOKE_SITE:-http://localhost:3000}\"")
			.contains("namespace=\"${SMOKE_NAMESPACE:-}\"");

		List<Integer> order = List.of(indexOf(KIND, uses("helm/kind-action@")),
				indexOf(KIND, (step) -> run(step).contains("sha256sum")),
				indexOf(KIND, (step) -> run(step).contains("kind load")),
				indexOf(KIND, (step) -> run(step).contains("kubectl apply -k")),
				indexOf(KIND, (step) -> run(step).contains("kubectl rollout status -n \"$NAMESPACE\"")),
				indexOf(KIND, (step) -> run(step).contains("curl -fsS -o /dev/null http://localhost/")),
				indexOf(KIND, (step) -> run(step).contains("smoke-test.sh")));
		assertThat(order).isSorted();
		assertThat(KIND.path("timeout-minutes").asInt()).isBetween(1, 60);
	}

	@Test
	void whenTheKindJobFailsItShowsTheEventsThePodsAndTheirLogs() {
		JsonNode dump = step(KIND, (step) -> run(step).contains("kubectl get events"));
		assertThat(dump.path("if").asString()).isEqualTo("failure()");
		assertThat(run(dump)).contains("kubectl get events -A")
			.contains("kubectl describe pods -n \"$NAMESPACE\"")
			.contains("kubectl logs -n \"$1\" \"$pod\" --all-containers")
			.contains("--previous")
			.contains("logs \"$NAMESPACE\"")
			.contains("logs ingress-nginx");
		assertThat(indexOf(KIND, (step) -> run(step).contains("kubectl get events")))
			.isGreaterThan(indexOf(KIND, (step) -> run(step).contains("smoke-test.sh")));
	}

	/**
	 * Kind and name; a generated Secret's name without the hash of its content, which
	 * generate-secrets.sh makes anew for each rendering.
	 */
	private static String identity(HasMetadata object) {
		String name = object.getMetadata().getName();
		return object.getKind() + " " + (object instanceof Secret ? name.replaceFirst("-[a-z0-9]{10}$", "") : name);
	}

	private static Predicate<JsonNode> uses(String action) {
		return (step) -> step.path("uses").asString("").startsWith(action);
	}

	private static String run(JsonNode step) {
		return step.path("run").asString("").strip();
	}

	private static String env(JsonNode job, String name) {
		String value = job.path("env").path(name).asString("");
		assertThat(value).as("the job's %s", name).isNotEmpty();
		return value;
	}

	/** The one step of the job that matches. */
	private static JsonNode step(JsonNode job, Predicate<JsonNode> matching) {
		return job.path("steps").get(indexOf(job, matching));
	}

	private static int indexOf(JsonNode job, Predicate<JsonNode> matching) {
		List<Integer> found = new ArrayList<>();
		for (int i = 0; i < job.path("steps").size(); i++) {
			if (matching.test(job.path("steps").get(i))) {
				found.add(i);
			}
		}
		assertThat(found).as("steps that match").hasSize(1);
		return found.get(0);
	}

	private static int exitCode(ProcessBuilder builder) throws IOException {
		Process process = builder.start();
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("the step did not finish within 120 s");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

}
