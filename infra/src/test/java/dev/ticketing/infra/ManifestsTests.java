package dev.ticketing.infra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ticketing.infra.Manifests.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each overlay of {@code infra/k8s}, rendered by kustomize and read as typed Kubernetes
 * objects, checked against what the services, the client, DESIGN §5 and
 * {@code skaffold.yaml} say.
 */
class ManifestsTests {

	/**
	 * The Java services: Deployment, Service, image, {@code app} label and Maven module.
	 */
	static final List<String> JAVA_SERVICES = List.of("auth-service", "tickets-service", "orders-service",
			"payments-service");

	/** DESIGN §5: ingress-nginx routes these prefixes to these Services. */
	static final Map<String, String> DESIGN_ROUTES = linked("/api/users", "auth-service", "/api/tickets",
			"tickets-service", "/api/orders", "orders-service", "/api/payments", "payments-service", "/", "client");

	/**
	 * The private keys the Java services read from a file in the {@code kubernetes}
	 * profile: auth's access-token signing key and tickets' own pass-signing key.
	 */
	static final List<KeyFile> KEY_FILES = List.of(
			new KeyFile("auth-service", "ticketing.auth.signing-key.file", "auth-signing-key"),
			new KeyFile("tickets-service", "ticketing.tickets.pass-key.file", "tickets-pass-key"));

	private static final Pattern NATS_SETTING = Pattern.compile("^\\s*(port|http_port|store_dir)\\s*:\\s*(\\S+)",
			Pattern.MULTILINE);

	private static final Pattern NATS_ROUTE = Pattern.compile("nats://([a-z0-9.-]+):(\\d+)");

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void rendersTheSystemAsTypedObjectsWithNoFieldTheirSchemaLacks(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		assertThat(names(manifests.all(Deployment.class))).containsExactlyInAnyOrder("auth-service", "tickets-service",
				"orders-service", "payments-service", "client");
		assertThat(names(manifests.all(StatefulSet.class))).containsExactlyInAnyOrder("auth-db", "tickets-db",
				"orders-db", "payments-db", "nats");
		assertThat(manifests.all(Ingress.class)).hasSize(1);
	}

	@Test
	void readingRefusesAFieldTheSchemaLacksAndAKindThisProjectDoesNotDeploy() {
		String typo = """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: typo
				spec:
				  selector: {matchLabels: {app: typo}}
				  template:
				    metadata: {labels: {app: typo}}
				    spec:
				      containers:
				        - name: app
				          image: typo
				          readinesProbe: {httpGet: {path: /, port: 80}}
				""";
		String job = """
				apiVersion: batch/v1
				kind: Job
				metadata:
				  name: stray
				""";
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> Manifests.parse("test", typo))
			.withMessageContaining("Deployment typo: unknown field spec.template.spec.containers[0].readinesProbe");
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> Manifests.parse("test", job))
			.withMessageContaining("batch/v1/Job stray: not a kind this project deploys");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyObjectIsInTheTicketingNamespaceWhosePodsMustMeetTheRestrictedPodSecurityStandard(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (HasMetadata object : manifests.all()) {
			if (object.getKind().equals("Namespace")) {
				softly.assertThat(object.getMetadata().getName()).isEqualTo("ticketing");
				softly.assertThat(object.getMetadata().getLabels())
					.containsEntry("pod-security.kubernetes.io/enforce", "restricted");
			}
			else {
				softly.assertThat(object.getMetadata().getNamespace())
					.as("namespace of %s %s", object.getKind(), object.getMetadata().getName())
					.isEqualTo("ticketing");
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyJavaServicesPodsAskToBeScrapedOnTheirHttpPortAtActuatorPrometheus(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (String service : JAVA_SERVICES) {
			Map<String, String> annotations = manifests.workload(service).template().getMetadata().getAnnotations();
			Integer http = containerPorts(manifests.pod(service)).get("http");
			softly.assertThat(annotations)
				.as("pod annotations of %s", service)
				.isNotNull()
				.containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/port", String.valueOf(http))
				.containsEntry("prometheus.io/path", "/actuator/prometheus");
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theAlertRulesShipAsConfigMapPrometheusRulesHoldingRulesYmlAsItIs(String overlay) {
		ConfigMap rules = Manifests.of(overlay).get(ConfigMap.class, "prometheus-rules");
		assertThat(rules.getData()).containsOnlyKeys("rules.yml");
		assertThat(rules.getData().get("rules.yml")).isEqualTo(Repository.read(AlertRulesTests.RULES));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServiceSelectsThePodsOfTheWorkloadItIsNamedForAndNoOthers(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (Service service : manifests.all(Service.class)) {
			String name = service.getMetadata().getName().replaceFirst("-headless$", "");
			Workload workload = manifests.workload(name);
			Map<String, String> selector = service.getSpec().getSelector();
			softly.assertThat(selector).as("selector of Service %s", service.getMetadata().getName()).isNotEmpty();
			for (Workload other : manifests.workloads()) {
				boolean selects = selector != null
						&& other.template().getMetadata().getLabels().entrySet().containsAll(selector.entrySet());
				softly.assertThat(selects)
					.as("Service %s selects the pods of %s", service.getMetadata().getName(), other.describe())
					.isEqualTo(other == workload || other.name().equals(workload.name()));
			}
		}
		for (Workload workload : manifests.workloads()) {
			softly.assertThat(workload.template().getMetadata().getLabels())
				.as("pod labels of %s", workload.describe())
				.containsAllEntriesOf(workload.selector())
				.containsEntry("app", workload.name());
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void eachBuiltImageHasOneNameEverywhereModuleImageDeploymentServiceAndAppLabel(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (String image : Skaffold.artifacts().keySet()) {
			Deployment deployment = manifests.get(Deployment.class, image);
			softly.assertThat(deployment.getMetadata().getLabels()).containsEntry("app", image);
			softly.assertThat(manifests.find(Service.class, image)).as("Service %s", image).isPresent();
			softly.assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
				.extracting(Container::getImage)
				.containsExactly(image);
			if (!image.equals("client")) {
				softly.assertThat(Files.isDirectory(Repository.path(image + "/src/main/java")))
					.as("%s is a Maven module", image)
					.isTrue();
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyImageIsASkaffoldArtifactOrAPinnedPublicImageAndEveryArtifactIsDeployed(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		Set<String> artifacts = Skaffold.artifacts().keySet();
		Set<String> images = containers(manifests).stream().map(Container::getImage).collect(Collectors.toSet());
		SoftAssertions softly = new SoftAssertions();
		for (String image : images) {
			if (!artifacts.contains(image)) {
				softly.assertThat(image)
					.as("an image skaffold does not build must be a public image pinned to a version")
					.matches("[a-z0-9./-]+:[0-9][A-Za-z0-9.-]*")
					.doesNotEndWith(":latest");
			}
		}
		softly.assertThat(images).containsAll(artifacts);
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyServicePortTargetsANamedPortOfItsPods(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (Service service : manifests.all(Service.class)) {
			Workload workload = manifests.workload(service.getMetadata().getName().replaceFirst("-headless$", ""));
			Map<String, Integer> ports = containerPorts(workload.template().getSpec());
			for (ServicePort port : service.getSpec().getPorts()) {
				softly.assertThat(port.getTargetPort().getStrVal())
					.as("Service %s port %s targets a port by name", service.getMetadata().getName(), port.getName())
					.isEqualTo(port.getName());
				softly.assertThat(ports).as("ports of %s", workload.describe()).containsKey(port.getName());
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theJavaServicesListenAndAnswerProbesWhereTheirConfigurationSays(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (String name : JAVA_SERVICES) {
			PodSpec pod = manifests.pod(name);
			Container container = pod.getContainers().get(0);
			ServiceConfiguration configuration = ServiceConfiguration.of(name, environment(manifests, container));
			int http = containerPorts(pod).get("http");
			softly.assertThat(configuration.serverPort()).as("server.port of %s", name).isEqualTo(http);
			Set<String> health = configuration.healthPaths();
			softly.assertThat(path(container.getLivenessProbe()))
				.as("liveness probe of %s", name)
				.endsWith("/liveness")
				.isIn(health);
			softly.assertThat(path(container.getStartupProbe())).as("startup probe of %s", name).isIn(health);
			softly.assertThat(path(container.getReadinessProbe()))
				.as("readiness probe of %s", name)
				.endsWith("/readiness")
				.isIn(health);
			for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
					container.getStartupProbe())) {
				softly.assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
			}
			softly.assertThat(configuration.property("spring.profiles.active")).isEqualTo("kubernetes");
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theClientNatsAndPostgresListenAndAnswerProbesWhereTheyAreConfiguredTo(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();

		PodSpec client = manifests.pod("client");
		Container app = client.getContainers().get(0);
		softly.assertThat(environment(manifests, app))
			.containsEntry("PORT", String.valueOf(containerPorts(client).get("http")));
		for (Probe probe : List.of(app.getLivenessProbe(), app.getReadinessProbe())) {
			softly.assertThat(Files.exists(Repository.path("client/src/app" + path(probe) + "/route.ts")))
				.as("the client has a route for %s", path(probe))
				.isTrue();
		}

		PodSpec nats = manifests.pod("nats");
		Map<String, String> conf = natsSettings(manifests);
		Map<String, Integer> natsPorts = containerPorts(nats);
		softly.assertThat(natsPorts.get("client")).isEqualTo(Integer.parseInt(conf.get("port")));
		softly.assertThat(natsPorts.get("monitor")).isEqualTo(Integer.parseInt(conf.get("http_port")));
		Container server = nats.getContainers().get(0);
		for (Probe probe : List.of(server.getStartupProbe(), server.getLivenessProbe(), server.getReadinessProbe())) {
			softly.assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("monitor");
			softly.assertThat(path(probe)).startsWith("/healthz");
		}

		for (String service : JAVA_SERVICES) {
			String db = service.replace("-service", "-db");
			PodSpec pod = manifests.pod(db);
			Container postgres = pod.getContainers().get(0);
			softly.assertThat(containerPorts(pod)).containsEntry("postgres", 5432);
			softly.assertThat(postgres.getReadinessProbe().getExec().getCommand()).contains("pg_isready", "5432");
			softly.assertThat(postgres.getLivenessProbe().getTcpSocket().getPort().getStrVal()).isEqualTo("postgres");
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyEnvironmentVariableIsOneTheProcessReads(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		Map<String, Integer> sharedKeyReaders = new HashMap<>();
		for (String name : JAVA_SERVICES) {
			Container container = manifests.container(name);
			ServiceConfiguration configuration = ServiceConfiguration.of(name, Map.of());
			Set<String> shared = sharedConfigMapKeys(manifests, container);
			for (String variable : environment(manifests, container).keySet()) {
				if (shared.contains(variable)) {
					sharedKeyReaders.merge(variable, configuration.reads(variable) ? 1 : 0, Integer::sum);
				}
				else {
					softly.assertThat(configuration.reads(variable)).as("%s reads %s", name, variable).isTrue();
				}
			}
		}
		sharedKeyReaders.forEach((variable, readers) -> softly.assertThat(readers)
			.as("services that read %s from the shared ConfigMap", variable)
			.isPositive());

		Container client = manifests.container("client");
		String sources = clientSources();
		for (String variable : environment(manifests, client).keySet()) {
			boolean standaloneServer = variable.equals("PORT") || variable.equals("HOSTNAME")
					|| variable.equals("KEEP_ALIVE_TIMEOUT");
			softly
				.assertThat(standaloneServer || sources.contains("process.env." + variable)
						|| sources.contains("'" + variable + "'"))
				.as("the client reads %s", variable)
				.isTrue();
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everySecretAndConfigMapAPodUsesExistsWithTheKeysItReads(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		Map<String, Set<String>> secrets = new TreeMap<>();
		if (overlay.equals("prod")) {
			assertThat(manifests.all(Secret.class)).as("Secrets in the prod overlay").isEmpty();
			secrets.putAll(ProdSecrets.documented());
		}
		manifests.all(Secret.class)
			.forEach((secret) -> secrets.put(secret.getMetadata().getName(), keys(secret.getData())));
		Map<String, Set<String>> configMaps = new TreeMap<>();
		manifests.all(ConfigMap.class)
			.forEach((map) -> configMaps.put(map.getMetadata().getName(), keys(map.getData())));

		SoftAssertions softly = new SoftAssertions();
		for (Workload workload : manifests.workloads()) {
			PodSpec pod = workload.template().getSpec();
			for (Container container : allContainers(pod)) {
				for (EnvVar env : list(container.getEnv())) {
					if (env.getValueFrom() == null) {
						continue;
					}
					var secretKey = env.getValueFrom().getSecretKeyRef();
					if (secretKey != null) {
						softly.assertThat(secrets.getOrDefault(secretKey.getName(), Set.of()))
							.as("%s env %s: key %s of Secret %s", workload.describe(), env.getName(),
									secretKey.getKey(), secretKey.getName())
							.contains(secretKey.getKey());
					}
					var configMapKey = env.getValueFrom().getConfigMapKeyRef();
					if (configMapKey != null) {
						softly.assertThat(configMaps.getOrDefault(configMapKey.getName(), Set.of()))
							.as("%s env %s: key %s of ConfigMap %s", workload.describe(), env.getName(),
									configMapKey.getKey(), configMapKey.getName())
							.contains(configMapKey.getKey());
					}
				}
				for (EnvFromSource source : list(container.getEnvFrom())) {
					if (source.getConfigMapRef() != null) {
						softly.assertThat(configMaps)
							.as("%s envFrom", workload.describe())
							.containsKey(source.getConfigMapRef().getName());
					}
					if (source.getSecretRef() != null) {
						softly.assertThat(secrets)
							.as("%s envFrom", workload.describe())
							.containsKey(source.getSecretRef().getName());
					}
				}
			}
			for (Volume volume : list(pod.getVolumes())) {
				if (volume.getSecret() != null) {
					softly.assertThat(secrets)
						.as("%s volume %s", workload.describe(), volume.getName())
						.containsKey(volume.getSecret().getSecretName());
				}
				if (volume.getConfigMap() != null) {
					softly.assertThat(configMaps)
						.as("%s volume %s", workload.describe(), volume.getName())
						.containsKey(volume.getConfigMap().getName());
				}
			}
		}
		softly.assertAll();
	}

	@Test
	void theDevOverlayGeneratesExactlyTheSecretsProductionIsDocumentedToNeed() {
		Map<String, Set<String>> generated = new TreeMap<>();
		Manifests.of("dev")
			.all(Secret.class)
			.forEach((secret) -> generated.put(secret.getMetadata().getName().replaceFirst("-[a-z0-9]{10}$", ""),
					keys(secret.getData())));
		assertThat(generated).isEqualTo(new TreeMap<>(ProdSecrets.documented()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void eachServiceKeyIsMountedReadOnlyFromItsSecretWhereTheKubernetesProfileReadsIt(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		Map<String, Set<String>> secrets = new TreeMap<>();
		if (overlay.equals("prod")) {
			secrets.putAll(ProdSecrets.documented());
		}
		manifests.all(Secret.class)
			.forEach((secret) -> secrets.put(withoutHash(secret.getMetadata().getName()), keys(secret.getData())));
		SoftAssertions softly = new SoftAssertions();
		for (KeyFile key : KEY_FILES) {
			Container container = manifests.container(key.service());
			String file = ServiceConfiguration.of(key.service(), environment(manifests, container))
				.property(key.property());
			softly.assertThat(file).as("%s of %s", key.property(), key.service()).startsWith("/");
			if (file == null) {
				continue;
			}
			Optional<VolumeMount> mount = list(container.getVolumeMounts()).stream()
				.filter((candidate) -> file.startsWith(candidate.getMountPath() + "/"))
				.findFirst();
			softly.assertThat(mount).as("a volume of %s mounted where %s is", key.service(), file).isPresent();
			if (mount.isEmpty()) {
				continue;
			}
			softly.assertThat(mount.get().getReadOnly()).as("%s mounted read-only", file).isTrue();
			softly.assertThat(mount.get().getSubPath()).as("subPath of the mount of %s", file).isNull();
			SecretVolumeSource source = manifests.pod(key.service())
				.getVolumes()
				.stream()
				.filter((volume) -> volume.getName().equals(mount.get().getName()))
				.map(Volume::getSecret)
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null);
			softly.assertThat(source).as("%s comes from a Secret volume", file).isNotNull();
			if (source == null) {
				continue;
			}
			softly.assertThat(withoutHash(source.getSecretName())).as("the Secret of %s", file).isEqualTo(key.secret());
			softly.assertThat(list(source.getItems()))
				.as("%s: each key of the Secret is the file of its name", file)
				.isEmpty();
			softly.assertThat(Objects.requireNonNullElse(source.getDefaultMode(), 0644) & 0007)
				.as("%s readable by other users", file)
				.isZero();
			softly.assertThat(secrets.getOrDefault(key.secret(), Set.of()))
				.as("keys of Secret %s, which %s reads as %s", key.secret(), key.service(), file)
				.contains(file.substring(mount.get().getMountPath().length() + 1));
		}
		softly.assertAll();
	}

	@Test
	void theDevOverlayGeneratesEachServiceKeyAsAnEd25519PrivateKeyOfItsOwn() {
		Manifests manifests = Manifests.of("dev");
		Map<String, String> pems = new TreeMap<>();
		for (KeyFile key : KEY_FILES) {
			Secret secret = manifests.all(Secret.class)
				.stream()
				.filter((candidate) -> withoutHash(candidate.getMetadata().getName()).equals(key.secret()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the dev overlay has no Secret " + key.secret()));
			assertThat(secret.getData()).as("keys of Secret %s", key.secret()).containsOnlyKeys("private.pem");
			String pem = new String(Base64.getMimeDecoder().decode(secret.getData().get("private.pem")),
					StandardCharsets.US_ASCII);
			assertThat(ed25519PrivateKey(pem).getAlgorithm()).as("key of Secret %s", key.secret())
				.isIn("Ed25519", "EdDSA");
			pems.put(key.secret(), pem);
		}
		assertThat(Set.copyOf(pems.values())).as("one key per service: %s", pems.keySet()).hasSize(KEY_FILES.size());
	}

	@Test
	void theProdReadmeCreatesEachServiceKeySecretFromAnEd25519KeyOfItsOwn() {
		List<String> commands = ProdSecrets.commands();
		Set<String> files = new TreeSet<>();
		for (KeyFile key : KEY_FILES) {
			Pattern create = Pattern.compile("kubectl -n ticketing create secret generic " + Pattern.quote(key.secret())
					+ " --from-file=private\\.pem(?:=(\\S+))?");
			int line = -1;
			String file = null;
			for (int i = 0; i < commands.size() && file == null; i++) {
				Matcher matcher = create.matcher(commands.get(i));
				if (matcher.find()) {
					line = i;
					file = (matcher.group(1) != null) ? matcher.group(1) : "private.pem";
				}
			}
			assertThat(file).as("the README's command that creates Secret %s with key private.pem", key.secret())
				.isNotNull();
			String generate = "openssl genpkey -algorithm ed25519 -out " + file;
			assertThat(commands.subList(0, line)).as("commands before creating Secret %s", key.secret())
				.contains(generate);
			files.add(file);
		}
		assertThat(files).as("one key file per Secret").hasSize(KEY_FILES.size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void theIngressRoutesThePrefixesOfTheDesignToTheirServices(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		Ingress ingress = manifests.all(Ingress.class).get(0);
		assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
		assertThat(ingress.getSpec().getRules()).hasSize(1);
		Map<String, String> routes = new LinkedHashMap<>();
		SoftAssertions softly = new SoftAssertions();
		for (HTTPIngressPath path : ingress.getSpec().getRules().get(0).getHttp().getPaths()) {
			routes.put(path.getPath(), path.getBackend().getService().getName());
			softly.assertThat(path.getPathType()).as("pathType of %s", path.getPath()).isEqualTo("Prefix");
			Service service = manifests.get(Service.class, path.getBackend().getService().getName());
			softly.assertThat(service.getSpec().getPorts())
				.extracting(ServicePort::getName)
				.contains(path.getBackend().getService().getPort().getName());
		}
		softly.assertThat(routes).containsExactlyInAnyOrderEntriesOf(DESIGN_ROUTES);
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyContainerHasRequestsLimitsAndARestrictedSecurityContext(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (Workload workload : manifests.workloads()) {
			PodSpec pod = workload.template().getSpec();
			PodSecurityContext podSecurity = Objects.requireNonNullElseGet(pod.getSecurityContext(),
					PodSecurityContext::new);
			softly.assertThat(pod.getAutomountServiceAccountToken())
				.as("%s mounts no service account token", workload.describe())
				.isFalse();
			softly.assertThat(podSecurity.getSeccompProfile())
				.as("%s seccomp profile", workload.describe())
				.isNotNull()
				.extracting("type")
				.isEqualTo("RuntimeDefault");
			softly.assertThat(podSecurity.getRunAsUser()).as("%s runAsUser", workload.describe()).isPositive();
			for (Container container : allContainers(pod)) {
				String what = workload.describe() + " container " + container.getName();
				var resources = container.getResources();
				for (String resource : List.of("cpu", "memory")) {
					Quantity request = resources.getRequests().get(resource);
					Quantity limit = resources.getLimits().get(resource);
					softly.assertThat(request).as("%s requests %s", what, resource).isNotNull();
					softly.assertThat(limit).as("%s limits %s", what, resource).isNotNull();
					if (request != null && limit != null) {
						softly.assertThat(limit.getNumericalAmount())
							.as("%s %s limit against its request", what, resource)
							.isGreaterThanOrEqualTo(request.getNumericalAmount());
					}
				}
				SecurityContext security = Objects.requireNonNullElseGet(container.getSecurityContext(),
						SecurityContext::new);
				softly.assertThat(security.getRunAsNonRoot()).as("%s runAsNonRoot", what).isTrue();
				softly.assertThat(security.getAllowPrivilegeEscalation())
					.as("%s allowPrivilegeEscalation", what)
					.isFalse();
				softly.assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", what).isTrue();
				softly.assertThat(security.getPrivileged()).as("%s privileged", what).isNotEqualTo(Boolean.TRUE);
				softly.assertThat(security.getCapabilities()).as("%s capabilities", what).isNotNull();
				if (security.getCapabilities() != null) {
					softly.assertThat(security.getCapabilities().getDrop()).as("%s drops", what).containsExactly("ALL");
					softly.assertThat(list(security.getCapabilities().getAdd())).as("%s adds", what).isEmpty();
				}
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyDeploymentIsScaledByAnAutoscalerAndGuardedByADisruptionBudget(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (Deployment deployment : manifests.all(Deployment.class)) {
			String name = deployment.getMetadata().getName();
			softly.assertThat(deployment.getSpec().getReplicas())
				.as("%s sets no replicas: its autoscaler owns the count", name)
				.isNull();
			List<HorizontalPodAutoscaler> autoscalers = manifests.all(HorizontalPodAutoscaler.class)
				.stream()
				.filter((hpa) -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment")
						&& hpa.getSpec().getScaleTargetRef().getName().equals(name))
				.toList();
			softly.assertThat(autoscalers).as("autoscalers of %s", name).hasSize(1);
			for (HorizontalPodAutoscaler hpa : autoscalers) {
				int min = hpa.getSpec().getMinReplicas();
				softly.assertThat(min).as("minReplicas of %s", name).isEqualTo(overlay.equals("prod") ? 2 : 1);
				softly.assertThat(hpa.getSpec().getMaxReplicas()).as("maxReplicas of %s", name).isGreaterThan(min);
				softly.assertThat(hpa.getSpec().getMetrics()).as("metrics of %s", name).isNotEmpty();
			}
		}
		for (Workload workload : manifests.workloads()) {
			if (workload.name().endsWith("-db")) {
				continue;
			}
			List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class)
				.stream()
				.filter((pdb) -> workload.template()
					.getMetadata()
					.getLabels()
					.entrySet()
					.containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
				.toList();
			softly.assertThat(budgets).as("disruption budgets of %s", workload.describe()).hasSize(1);
			budgets.forEach((pdb) -> softly.assertThat(pdb.getSpec().getMaxUnavailable())
				.as("maxUnavailable of %s", workload.describe())
				.isEqualTo(new IntOrString(1)));
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyRuleThatSpreadsPodsOverNodesSelectsTheWorkloadsOwnPods(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (Workload workload : manifests.workloads()) {
			PodSpec pod = workload.template().getSpec();
			Map<String, String> labels = workload.template().getMetadata().getLabels();
			List<TopologySpreadConstraint> spreads = list(pod.getTopologySpreadConstraints());
			for (TopologySpreadConstraint spread : spreads) {
				softly.assertThat(labels)
					.as("pod labels of %s against its spread constraint", workload.describe())
					.containsAllEntriesOf(spread.getLabelSelector().getMatchLabels());
				softly.assertThat(labels.keySet())
					.as("pod label keys of %s against its spread constraint's matchLabelKeys", workload.describe())
					.containsAll(list(spread.getMatchLabelKeys()));
			}
			List<PodAffinityTerm> antiAffinity = (pod.getAffinity() == null
					|| pod.getAffinity().getPodAntiAffinity() == null) ? List.of() : list(
							pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution());
			for (PodAffinityTerm term : antiAffinity) {
				softly.assertThat(labels)
					.as("pod labels of %s against its anti-affinity", workload.describe())
					.containsAllEntriesOf(term.getLabelSelector().getMatchLabels());
			}
			if (overlay.equals("prod") && !workload.name().endsWith("-db")) {
				softly.assertThat(spreads.size() + antiAffinity.size())
					.as("rules spreading the pods of %s over nodes", workload.describe())
					.isPositive();
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyStatefulSetKeepsItsDataOnItsOwnPersistentVolume(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		SoftAssertions softly = new SoftAssertions();
		for (StatefulSet statefulSet : manifests.all(StatefulSet.class)) {
			String name = statefulSet.getMetadata().getName();
			softly.assertThat(manifests.find(Service.class, statefulSet.getSpec().getServiceName()))
				.as("governing Service of %s", name)
				.hasValueSatisfying((service) -> assertThat(service.getSpec().getClusterIP()).isEqualTo("None"));
			softly.assertThat(statefulSet.getSpec().getVolumeClaimTemplates())
				.as("volume claim templates of %s", name)
				.extracting((claim) -> claim.getMetadata().getName())
				.containsExactly("data");
			Container container = manifests.container(name);
			String data = list(container.getVolumeMounts()).stream()
				.filter((mount) -> mount.getName().equals("data"))
				.map(VolumeMount::getMountPath)
				.findFirst()
				.orElse("(not mounted)");
			String store = name.equals("nats") ? natsSettings(manifests).get("store_dir")
					: environment(manifests, container).get("PGDATA");
			softly.assertThat(store).as("where %s writes its data", name).startsWith(data + "/");
		}
		softly.assertAll();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void natsRunsAsManyServersAsItsRoutesNameAndTheStreamsAreReplicatedOnEach(String overlay) {
		Manifests manifests = Manifests.of(overlay);
		StatefulSet nats = manifests.get(StatefulSet.class, "nats");
		int servers = nats.getSpec().getReplicas();
		String conf = natsConf(manifests);
		List<String> routes = NATS_ROUTE.matcher(conf).results().map((route) -> route.group(1)).toList();
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(servers).isEqualTo(overlay.equals("prod") ? 3 : 1);
		if (servers == 1) {
			softly.assertThat(conf).doesNotContainPattern("(?m)^\\s*cluster\\s*\\{");
		}
		else {
			softly.assertThat(routes)
				.containsExactlyElementsOf(Stream.iterate(0, (i) -> i + 1)
					.limit(servers)
					.map((i) -> "nats-" + i + "." + nats.getSpec().getServiceName())
					.toList());
			softly.assertThat(nats.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
		}
		for (String service : List.of("tickets-service", "orders-service", "payments-service")) {
			Container container = manifests.container(service);
			softly.assertThat(environment(manifests, container))
				.as("environment of %s", service)
				.containsEntry("NATS_STREAM_REPLICAS", String.valueOf(servers))
				.containsEntry("NATS_URL", "nats://nats:" + natsSettings(manifests).get("port"));
		}
		softly.assertAll();
	}

	/**
	 * A private key a service reads from a file in the {@code kubernetes} profile.
	 *
	 * @param service the Java service
	 * @param property the property that names the file
	 * @param secret the Secret that holds the key
	 */
	record KeyFile(String service, String property, String secret) {

	}

	// --- reading the rendered objects

	/** A Secret's name without the hash suffix the dev overlay's generator gives it. */
	private static String withoutHash(String name) {
		return name.replaceFirst("-[a-z0-9]{10}$", "");
	}

	private static PrivateKey ed25519PrivateKey(String pem) {
		assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
		String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError("not a PKCS#8 Ed25519 private key: " + ex.getMessage(), ex);
		}
	}

	static Map<String, String> environment(Manifests manifests, Container container) {
		Map<String, String> environment = new TreeMap<>();
		for (EnvFromSource source : list(container.getEnvFrom())) {
			if (source.getConfigMapRef() != null) {
				environment.putAll(manifests.get(ConfigMap.class, source.getConfigMapRef().getName()).getData());
			}
		}
		for (EnvVar env : list(container.getEnv())) {
			environment.put(env.getName(),
					(env.getValue() != null) ? env.getValue() : "<from " + env.getValueFrom() + ">");
		}
		return environment;
	}

	private static Set<String> sharedConfigMapKeys(Manifests manifests, Container container) {
		Set<String> keys = new TreeSet<>();
		for (EnvFromSource source : list(container.getEnvFrom())) {
			if (source.getConfigMapRef() != null && source.getConfigMapRef().getName().startsWith("ticketing-")) {
				keys.addAll(manifests.get(ConfigMap.class, source.getConfigMapRef().getName()).getData().keySet());
			}
		}
		return keys;
	}

	private static String natsConf(Manifests manifests) {
		Volume config = manifests.pod("nats")
			.getVolumes()
			.stream()
			.filter((volume) -> volume.getName().equals("config"))
			.findFirst()
			.orElseThrow();
		return manifests.get(ConfigMap.class, config.getConfigMap().getName()).getData().get("nats.conf");
	}

	private static Map<String, String> natsSettings(Manifests manifests) {
		Map<String, String> settings = new HashMap<>();
		Matcher matcher = NATS_SETTING.matcher(natsConf(manifests));
		while (matcher.find()) {
			settings.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		return settings;
	}

	private static String clientSources() {
		try (Stream<java.nio.file.Path> files = Files.walk(Repository.path("client/src"))) {
			StringBuilder sources = new StringBuilder();
			for (java.nio.file.Path file : files.filter((path) -> path.toString().matches(".*(?<!\\.test)\\.tsx?$"))
				.toList()) {
				sources.append(Files.readString(file));
			}
			return sources.toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static List<Container> containers(Manifests manifests) {
		return manifests.workloads()
			.stream()
			.flatMap((workload) -> allContainers(workload.template().getSpec()).stream())
			.toList();
	}

	private static List<Container> allContainers(PodSpec pod) {
		List<Container> containers = new ArrayList<>(list(pod.getInitContainers()));
		containers.addAll(pod.getContainers());
		return containers;
	}

	private static Map<String, Integer> containerPorts(PodSpec pod) {
		Map<String, Integer> ports = new HashMap<>();
		for (Container container : pod.getContainers()) {
			for (ContainerPort port : list(container.getPorts())) {
				ports.put(port.getName(), port.getContainerPort());
			}
		}
		return ports;
	}

	private static String path(Probe probe) {
		return (probe == null || probe.getHttpGet() == null) ? "(no HTTP probe)" : probe.getHttpGet().getPath();
	}

	private static Set<String> keys(Map<String, String> data) {
		return (data != null) ? new TreeSet<>(data.keySet()) : Set.of();
	}

	private static <T> List<T> list(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static List<String> names(List<? extends HasMetadata> objects) {
		return objects.stream().map((object) -> object.getMetadata().getName()).toList();
	}

	private static Map<String, String> linked(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
