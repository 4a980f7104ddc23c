package dev.ticketing.common.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys generated into a state directory, as in local runs, where two instances of a
 * service may start at once on the same directory (bin/run --scaled).
 */
class Ed25519KeySetTests {

	private static final int INSTANCES = 8;

	private static final int ROUNDS = 25;

	@TempDir
	Path state;

	@Test
	void aGeneratedKeyIsKeptAndLoadedAgain() {
		Path file = this.state.resolve("auth/signing-key.pem");
		Ed25519KeySet first = Ed25519KeySet.load(source(file), "no key");
		Ed25519KeySet second = Ed25519KeySet.load(source(file), "no key");

		assertThat(file).exists();
		assertThat(second.signingKeyId()).isEqualTo(first.signingKeyId());
	}

	@Test
	void instancesStartingAtOnceOnOneStateDirectoryAllGetTheOneKeyThatWasKept() throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(INSTANCES)) {
			for (int round = 0; round < ROUNDS; round++) {
				Path file = this.state.resolve("round-" + round).resolve("signing-key.pem");
				CyclicBarrier start = new CyclicBarrier(INSTANCES);
				List<Future<Ed25519KeySet>> instances = new ArrayList<>();
				for (int i = 0; i < INSTANCES; i++) {
					instances.add(pool.submit(() -> {
						start.await();
						return Ed25519KeySet.load(source(file), "no key");
					}));
				}
				List<String> keyIds = new ArrayList<>();
				for (Future<Ed25519KeySet> instance : instances) {
					keyIds.add(instance.get().signingKeyId());
				}

				String kept = Ed25519KeySet.load(source(file), "no key").signingKeyId();
				assertThat(keyIds).as("round %d", round).containsOnly(kept);
				try (Stream<Path> files = Files.list(file.getParent())) {
					assertThat(files).as("round %d", round).containsExactly(file);
				}
			}
		}
	}

	private static KeySource source(Path file) {
		return new KeySource(null, null, file, List.of());
	}

}
