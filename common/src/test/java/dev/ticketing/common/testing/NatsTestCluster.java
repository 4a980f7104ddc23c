package dev.ticketing.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three nats-server processes of the test's own forming one JetStream cluster, as the
 * production overlay runs it (infra/k8s/overlays/prod/nats.conf), on free loopback ports
 * with stores in a temporary directory: streams with three replicas can be created on it,
 * and a test can stop, kill and restart single servers. The binary is Debian's
 * {@code nats-server}, as for {@link NatsTestServer}.
 */
public final class NatsTestCluster implements AutoCloseable {

	private static final List<String> BINARIES = List.of("/usr/sbin/nats-server", "/usr/local/bin/nats-server",
			"/usr/bin/nats-server");

	private static final Duration START = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path directory;

	private final List<Node> nodes;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private NatsTestCluster(Path directory, List<Node> nodes) {
		this.directory = directory;
		this.nodes = nodes;
	}

	/**
	 * Starts three servers with empty stores and returns once they agree on a JetStream
	 * meta leader, so streams can be created at once.
	 */
	public static NatsTestCluster start() {
		try {
			Path directory = Files.createTempDirectory("nats-cluster-");
			List<Node> nodes = new ArrayList<>();
			List<Integer> ports = freePorts(9);
			for (int i = 0; i < 3; i++) {
				nodes.add(new Node("n" + (i + 1), ports.get(i), ports.get(3 + i), ports.get(6 + i),
						directory.resolve("n" + (i + 1))));
			}
			NatsTestCluster cluster = new NatsTestCluster(directory, nodes);
			// Never leave a nats-server behind when the test JVM ends.
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy));
			for (int i = 0; i < nodes.size(); i++) {
				cluster.writeConfiguration(i);
				cluster.launch(i);
			}
			cluster.awaitMetaLeader();
			return cluster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every server's client URL, comma-separated, as {@code ticketing.messaging.url}. */
	public String url() {
		return this.nodes.stream().map(Node::url).collect(Collectors.joining(","));
	}

	/** The client URL of one server (0, 1 or 2). */
	public String url(int node) {
		return this.nodes.get(node).url();
	}

	/** The name of one server ({@code n1}, {@code n2}, {@code n3}). */
	public String name(int node) {
		return this.nodes.get(node).name();
	}

	/** Stops one server as a shutdown does (SIGTERM); its store stays. */
	public synchronized void stop(int node) {
		end(this.nodes.get(node), false);
	}

	/** Kills one server (SIGKILL), as a crash does; its store stays. */
	public synchronized void kill(int node) {
		end(this.nodes.get(node), true);
	}

	/** Starts a stopped server again on its ports and store (a no-op while it runs). */
	public synchronized void restart(int node) {
		Process process = this.nodes.get(node).process;
		if (process == null || !process.isAlive()) {
			launch(node);
		}
	}

	/** The meta leader the running servers agree on; waits up to 30 s for one. */
	public String awaitMetaLeader() {
		long deadline = System.nanoTime() + START.toNanos();
		while (System.nanoTime() < deadline) {
			Set<String> leaders = new HashSet<>();
			int running = 0;
			for (Node node : this.nodes) {
				if (node.process != null && node.process.isAlive()) {
					running++;
					leaders.add(jsz(node).path("meta_cluster").path("leader").asString(""));
				}
			}
			if (running > 0 && leaders.size() == 1 && !leaders.contains("")) {
				return leaders.iterator().next();
			}
			pause();
		}
		throw new IllegalStateException(
				"The NATS cluster elected no meta leader within " + START + "; logs in " + this.directory);
	}

	@Override
	public void close() {
		destroy();
	}

	private JsonNode jsz(Node node) {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.monitorPort() + "/jsz"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			return JSON.missingNode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void writeConfiguration(int index) throws IOException {
		Node node = this.nodes.get(index);
		String routes = this.nodes.stream()
			.map((other) -> "nats-route://127.0.0.1:" + other.clusterPort())
			.collect(Collectors.joining(", "));
		Files.createDirectories(node.store());
		Files.writeString(node.configuration(), """
				server_name: %s
				listen: 127.0.0.1:%d
				http: 127.0.0.1:%d
				jetstream {
				  store_dir: "%s"
				  max_memory_store: 64MB
				  max_file_store: 1GB
				}
				cluster {
				  name: ticketing-test
				  listen: 127.0.0.1:%d
				  routes: [%s]
				}
				""".formatted(node.name(), node.clientPort(), node.monitorPort(), node.store(), node.clusterPort(),
				routes));
	}

	private void launch(int index) {
		Node node = this.nodes.get(index);
		try {
			node.process = new ProcessBuilder(binary(), "-c", node.configuration().toString(), "-l",
					node.store().resolveSibling(node.name() + ".log").toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long deadline = System.nanoTime() + START.toNanos();
		while (jsz(node).isMissingNode()) {
			if (System.nanoTime() > deadline || !node.process.isAlive()) {
				throw new IllegalStateException(
						"nats-server " + node.name() + " did not start; its log is in " + this.directory);
			}
			pause();
		}
	}

	private static void end(Node node, boolean kill) {
		Process process = node.process;
		if (process == null) {
			return;
		}
		if (kill) {
			process.destroyForcibly();
		}
		else {
			process.destroy();
		}
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		node.process = null;
	}

	private synchronized void destroy() {
		this.nodes.forEach((node) -> end(node, false));
		try (var paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory; the OS cleans it up eventually.
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String binary() {
		return BINARIES.stream().filter((path) -> Files.isExecutable(Path.of(path))).findFirst().orElse("nats-server");
	}

	/**
	 * Ports that are free now, all different (each socket is held until all are found).
	 */
	private static List<Integer> freePorts(int count) throws IOException {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0));
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
	}

	private static final class Node {

		private final String name;

		private final int clientPort;

		private final int clusterPort;

		private final int monitorPort;

		private final Path store;

		private volatile Process process;

		Node(String name, int clientPort, int clusterPort, int monitorPort, Path store) {
			this.name = name;
			this.clientPort = clientPort;
			this.clusterPort = clusterPort;
			this.monitorPort = monitorPort;
			this.store = store;
		}

		String name() {
			return this.name;
		}

		int clientPort() {
			return this.clientPort;
		}

		int clusterPort() {
			return this.clusterPort;
		}

		int monitorPort() {
			return this.monitorPort;
		}

		Path store() {
			return this.store;
		}

		Path configuration() {
			return this.store.resolveSibling(this.name + ".conf");
		}

		String url() {
			return "nats://127.0.0.1:" + this.clientPort;
		}

	}

}
