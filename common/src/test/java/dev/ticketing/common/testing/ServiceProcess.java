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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another service of this repository running as its own process, from the jar its module
 * built ({@code ../<module>/target/<module>-<version>.jar}), as {@code bin/run} starts
 * it. End-to-end tests use it to see one service react to another's events over a real
 * nats-server. The reactor builds modules in the order of the parent POM, so the jar of
 * an earlier module exists when a later module's tests run.
 */
public final class ServiceProcess implements AutoCloseable {

	private final String module;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String module, int port, Process process, Path log) {
		this.module = module;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a module's jar on a free port with extra environment variables and waits
	 * until its readiness probe answers.
	 */
	public static ServiceProcess start(String module, Map<String, String> environment) {
		Path jar = jarOf(module);
		try {
			int port = freePort();
			Path log = Path.of("target", module + "-" + port + ".log").toAbsolutePath();
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
					jar.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			builder.environment().put("PORT", Integer.toString(port));
			ServiceProcess service = new ServiceProcess(module, port, builder.start(), log);
			Runtime.getRuntime().addShutdownHook(new Thread(service::close));
			service.awaitReady(Duration.ofSeconds(90));
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** Stops the process as {@code bin/stop} does: SIGTERM, then waits for it. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitReady(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.module + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				this.process.waitFor(250, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		close();
		throw new IllegalStateException(this.module + " did not become ready within " + timeout + ":\n" + tail());
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

	private static Path jarOf(String module) {
		Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files
				.filter((file) -> file.getFileName().toString().matches(module + "-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar of " + module + " in " + target
						+ ": build the whole reactor (./mvnw verify) or `./mvnw package -pl " + module + "` first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
