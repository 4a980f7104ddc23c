package dev.ticketing.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import io.nats.NatsServerRunner;

/**
 * A nats-server process of the test's own, with JetStream on a file store, on a free
 * port: tests can stop and restart it mid-flow without touching the machine's NATS (which
 * a locally running system may be using). The binary is Debian's {@code nats-server}.
 */
public final class NatsTestServer implements AutoCloseable {

	private static final List<String> BINARIES = List.of("/usr/sbin/nats-server", "/usr/local/bin/nats-server",
			"/usr/bin/nats-server");

	private final int port;

	private final Path storeDir;

	private NatsServerRunner runner;

	private NatsTestServer(int port, Path storeDir) {
		this.port = port;
		this.storeDir = storeDir;
	}

	/** Starts a server on a free port with an empty store. */
	public static NatsTestServer start() {
		try {
			NatsTestServer server = new NatsTestServer(freePort(), Files.createTempDirectory("nats-test-"));
			server.restart();
			// Never leave a nats-server behind when the test JVM ends.
			Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code nats://127.0.0.1:<port>}. */
	public String url() {
		return "nats://127.0.0.1:" + this.port;
	}

	/**
	 * Stops the process, as a crash or an outage would; the store stays. Returns once the
	 * port refuses connections (the runner's shutdown does not wait for the process), so
	 * a test can rely on NATS being down.
	 */
	public synchronized void stop() {
		if (this.runner != null) {
			try {
				this.runner.shutdown(false);
				long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (accepting() && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.runner = null;
		}
	}

	private boolean accepting() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Starts the process again on the same port and store (a no-op while it runs). */
	public synchronized void restart() {
		if (this.runner != null) {
			return;
		}
		try {
			this.runner = NatsServerRunner.builder()
				.executablePath(binary())
				.port(this.port)
				.jetstream(true)
				.customArgs(List.of("-a", "127.0.0.1", "-sd", this.storeDir.toString()))
				.outputLevel(Level.WARNING)
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void destroy() {
		stop();
		try (var paths = Files.walk(this.storeDir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory; the OS cleans it up eventually.
		}
	}

	private static String binary() {
		return BINARIES.stream().filter((path) -> Files.isExecutable(Path.of(path))).findFirst().orElse("nats-server");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
