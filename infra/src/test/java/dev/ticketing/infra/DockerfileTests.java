package dev.ticketing.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles agree with the manifests that run their images: the user the pods run
 * as, the port, the health check path; and their runtime stages carry no build tools.
 * {@code infra/containers/build.sh}, run by {@code bin/test}, builds them with podman,
 * and {@code infra/containers/image-test.sh} checks the images it built.
 */
class DockerfileTests {

	@Test
	void theJavaImageBuildsWithJdk25AndRunsOnTheJre25AsTheUserPortAndHealthCheckTheManifestsUse() {
		Dockerfile dockerfile = Dockerfile.read("Dockerfile");
		assertThat(dockerfile.stages()).hasSize(2);
		assertThat(dockerfile.stages().get(0).from()).startsWith("eclipse-temurin:25-jdk");
		Dockerfile.Stage runtime = dockerfile.runtime();
		assertThat(runtime.from()).startsWith("eclipse-temurin:25-jre");
		assertThat(runtime.all("RUN")).noneMatch((run) -> run.contains("mvn") || run.contains("apt-get install"));
		assertThat(runtime.all("COPY")).allMatch((copy) -> copy.startsWith("--from=build /workspace/extracted/"));
		SoftAssertions softly = new SoftAssertions();
		for (String service : ManifestsTests.JAVA_SERVICES) {
			for (String overlay : List.of("dev", "prod")) {
				PodSpec pod = Manifests.of(overlay).pod(service);
				Container container = pod.getContainers().get(0);
				softly.assertThat(runtime.one("USER"))
					.isEqualTo(
							pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup());
				softly.assertThat(runtime.one("EXPOSE"))
					.isEqualTo(String.valueOf(container.getPorts().get(0).getContainerPort()));
				softly.assertThat(runtime.one("HEALTHCHECK"))
					.contains(container.getLivenessProbe().getHttpGet().getPath());
			}
		}
		softly.assertThat(runtime.one("ENV")).contains("PORT=" + runtime.one("EXPOSE"));
		softly.assertAll();
	}

	@Test
	void theClientImageRunsTheStandaloneServerOnNodeAloneAsTheUserPortAndHealthCheckTheManifestsUse() {
		Dockerfile dockerfile = Dockerfile.read("client/Dockerfile");
		Dockerfile.Stage runtime = dockerfile.runtime();
		assertThat(runtime.from()).startsWith("node:").endsWith("-slim");
		assertThat(runtime.all("COPY")).containsExactly("--from=build /workspace/.next/standalone/ ./");
		// The node images' user: uid and gid 1000.
		assertThat(runtime.one("USER")).isEqualTo("node");
		assertThat(String.join(" ", runtime.all("RUN"))).contains("/usr/local/bin/npm", "/usr/local/bin/npx",
				"/opt/yarn-");
		for (String overlay : List.of("dev", "prod")) {
			PodSpec pod = Manifests.of(overlay).pod("client");
			Container container = pod.getContainers().get(0);
			assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
			assertThat(runtime.one("EXPOSE")).isEqualTo(String.valueOf(container.getPorts().get(0).getContainerPort()));
			assertThat(runtime.one("HEALTHCHECK")).contains(container.getLivenessProbe().getHttpGet().getPath());
		}
	}

	@Test
	void theBuildContextsLeaveOutBuildOutputAndDependenciesButKeepEveryMavenModule() {
		List<String> root = Repository.read(".dockerignore").lines().filter((line) -> !line.startsWith("#")).toList();
		assertThat(root).contains("**/target/", ".git/", "client/", ".run/");
		for (String module : SkaffoldTests.rootModules()) {
			assertThat(root).as("the Maven reactor needs %s/pom.xml", module)
				.noneMatch((pattern) -> pattern.equals(module + "/") || pattern.equals(module));
		}
		List<String> client = Repository.read("client/.dockerignore").lines().toList();
		assertThat(client).contains("node_modules/", ".next/");
	}

	/**
	 * Just enough of a Dockerfile to compare with the manifests. A stage's base image is
	 * the one a build without build arguments uses: an {@code ARG} before the first
	 * {@code FROM} gives its default.
	 */
	record Dockerfile(List<Stage> stages) {

		static Dockerfile read(String path) {
			List<Stage> stages = new ArrayList<>();
			Map<String, String> defaults = new HashMap<>();
			for (String line : Repository.read(path).lines().toList()) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] parts = trimmed.split("\\s+", 2);
				if (parts[0].equals("ARG") && stages.isEmpty() && parts[1].contains("=")) {
					String[] argument = parts[1].split("=", 2);
					defaults.put(argument[0], argument[1]);
				}
				else if (parts[0].equals("FROM")) {
					String image = parts[1].split("\\s+")[0];
					for (Map.Entry<String, String> argument : defaults.entrySet()) {
						image = image.replace("${" + argument.getKey() + "}", argument.getValue());
					}
					stages.add(new Stage(image, new ArrayList<>()));
				}
				else if (!stages.isEmpty()) {
					stages.get(stages.size() - 1).instructions().add(trimmed);
				}
			}
			return new Dockerfile(stages);
		}

		Stage runtime() {
			return this.stages.get(this.stages.size() - 1);
		}

		record Stage(String from, List<String> instructions) {

			List<String> all(String instruction) {
				return this.instructions.stream()
					.filter((line) -> line.startsWith(instruction + " "))
					.map((line) -> line.substring(instruction.length() + 1))
					.toList();
			}

			String one(String instruction) {
				List<String> all = all(instruction);
				assertThat(all).as("%s instructions", instruction).hasSize(1);
				return all.get(0);
			}

		}

	}

}
