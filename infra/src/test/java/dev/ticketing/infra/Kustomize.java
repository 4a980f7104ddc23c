package dev.ticketing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * Renders an overlay of {@code infra/k8s} with the kustomize that {@code skaffold} and
 * {@code kubectl apply -k} use: the {@code kustomize} binary when it is on the PATH, else
 * the one built into {@code kubectl}. The tree is rendered from a copy, after running the
 * dev overlay's secret generator in it, so the working tree is never written to.
 */
final class Kustomize {

	private Kustomize() {
	}

	static String render(String overlay) {
		Path copy = copyOfTree();
		try {
			if (overlay.equals("dev")) {
				run(copy, List.of("bash", copy.resolve("overlays/dev/generate-secrets.sh").toString()));
			}
			return run(copy, command(copy.resolve("overlays").resolve(overlay)));
		}
		finally {
			FileSystemUtils.deleteRecursively(copy.toFile());
		}
	}

	/**
	 * Renders the kustomization in {@code dir} as it stands: nothing is copied or
	 * generated first, so every file it reads must be there.
	 */
	static String render(Path dir) {
		return run(dir, command(dir));
	}

	private static List<String> command(Path dir) {
		if (onPath("kustomize")) {
			return List.of("kustomize", "build", dir.toString());
		}
		if (onPath("kubectl")) {
			return List.of("kubectl", "kustomize", dir.toString());
		}
		throw new IllegalStateException("Rendering infra/k8s needs kustomize or kubectl (which has kustomize built in) "
				+ "on the PATH; neither is. Install kubectl (https://kubernetes.io/docs/tasks/tools/) and run again.");
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(java.io.File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, program)));
	}

	private static Path copyOfTree() {
		try {
			Path copy = Files.createTempDirectory("ticketing-k8s-");
			FileSystemUtils.copyRecursively(Repository.path("infra/k8s"), copy);
			// Secrets a developer made in the working tree are not the test's.
			FileSystemUtils.deleteRecursively(copy.resolve("overlays/dev/secrets"));
			Files.createDirectories(copy.resolve("overlays/dev/secrets"));
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String run(Path dir, List<String> command) {
		try {
			Path output = Files.createTempFile("kustomize-", ".out");
			Path errors = Files.createTempFile("kustomize-", ".err");
			try {
				Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
					.redirectOutput(output.toFile())
					.redirectError(errors.toFile())
					.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue()
							+ "):\n" + Files.readString(errors, StandardCharsets.UTF_8));
				}
				return Files.readString(output, StandardCharsets.UTF_8);
			}
			finally {
				Files.deleteIfExists(output);
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
