package dev.ticketing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository these tests check: the parent of the {@code infra} module, which is
 * where Maven runs them.
 */
final class Repository {

	static final Path ROOT = findRoot();

	private Repository() {
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(path(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("skaffold.yaml")) && Files.isDirectory(dir.resolve("infra/k8s"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException(
				"Run from inside the repository: no skaffold.yaml above " + Path.of("").toAbsolutePath());
	}

}
