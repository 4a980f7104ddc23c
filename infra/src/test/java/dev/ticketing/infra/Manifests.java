package dev.ticketing.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One overlay as kustomize renders it, every document read into its typed fabric8 model.
 * Reading fails on a kind this project does not deploy, on an API version other than the
 * one it uses, and on any field the model does not know (a typo or a wrong indentation
 * that the API server would reject or silently drop).
 */
final class Manifests {

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("v1/Namespace", Namespace.class,
			"v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class,
			"apps/v1/Deployment", Deployment.class, "apps/v1/StatefulSet", StatefulSet.class,
			"policy/v1/PodDisruptionBudget", PodDisruptionBudget.class, "autoscaling/v2/HorizontalPodAutoscaler",
			HorizontalPodAutoscaler.class, "networking.k8s.io/v1/Ingress", Ingress.class);

	private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

	private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

	private final String overlay;

	private final List<HasMetadata> objects;

	private Manifests(String overlay, List<HasMetadata> objects) {
		this.overlay = overlay;
		this.objects = objects;
	}

	/** The overlay, rendered once per test run. */
	static Manifests of(String overlay) {
		return RENDERED.computeIfAbsent(overlay, (name) -> parse(name, Kustomize.render(name)));
	}

	static Manifests parse(String overlay, String yaml) {
		List<HasMetadata> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				if (document == null || document.isEmpty()) {
					continue;
				}
				String type = document.path("apiVersion").asString() + "/" + document.path("kind").asString();
				Class<? extends HasMetadata> model = KINDS.get(type);
				if (model == null) {
					problems.add(type + " " + document.path("metadata").path("name").asString()
							+ ": not a kind this project deploys (" + KINDS.keySet() + ")");
					continue;
				}
				HasMetadata object = MAPPER.treeToValue(document, model);
				UnknownFields.in(object)
					.forEach((field) -> problems
						.add(object.getKind() + " " + object.getMetadata().getName() + ": unknown field " + field));
				objects.add(object);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("overlays/" + overlay
					+ " renders objects the Kubernetes API would not accept:\n  " + String.join("\n  ", problems));
		}
		return new Manifests(overlay, List.copyOf(objects));
	}

	String overlay() {
		return this.overlay;
	}

	List<HasMetadata> all() {
		return this.objects;
	}

	<T extends HasMetadata> List<T> all(Class<T> kind) {
		return this.objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
		return all(kind).stream().filter((object) -> object.getMetadata().getName().equals(name)).findFirst();
	}

	<T extends HasMetadata> T get(Class<T> kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError(
				"overlays/" + this.overlay + " has no " + kind.getSimpleName() + " named " + name));
	}

	/** Every Deployment and StatefulSet, by name, with its pod template. */
	List<Workload> workloads() {
		List<Workload> workloads = new ArrayList<>();
		all(Deployment.class).forEach((deployment) -> workloads.add(new Workload(deployment,
				deployment.getSpec().getSelector().getMatchLabels(), deployment.getSpec().getTemplate())));
		all(StatefulSet.class).forEach((statefulSet) -> workloads.add(new Workload(statefulSet,
				statefulSet.getSpec().getSelector().getMatchLabels(), statefulSet.getSpec().getTemplate())));
		return workloads;
	}

	Workload workload(String name) {
		return workloads().stream()
			.filter((workload) -> workload.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("overlays/" + this.overlay + " has no workload named " + name));
	}

	/** The pod template's spec of the Deployment or StatefulSet of that name. */
	PodSpec pod(String workload) {
		return workload(workload).template().getSpec();
	}

	/** The first container of that workload's pods: the one that runs its program. */
	Container container(String workload) {
		return pod(workload).getContainers().get(0);
	}

	@Override
	public String toString() {
		return "overlays/" + this.overlay;
	}

	/**
	 * A Deployment or a StatefulSet.
	 *
	 * @param object the Deployment or StatefulSet
	 * @param selector its selector's labels
	 * @param template its pod template
	 */
	record Workload(HasMetadata object, Map<String, String> selector, PodTemplateSpec template) {

		String name() {
			return this.object.getMetadata().getName();
		}

		String describe() {
			return this.object.getKind() + " " + name();
		}

	}

}
