package dev.ticketing.auth.config;

import java.time.Clock;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	/**
	 * The clock of an operator command, which runs without a web server: the service's
	 * clock otherwise comes with common's web security (or a test's own).
	 */
	@Bean
	@ConditionalOnNotWebApplication
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Argon2id at the OWASP minimum: 19 MiB of memory, 2 iterations, 1 lane. */
	@Bean
	PasswordEncoder passwordEncoder() {
		int concurrentHashes = 2 * Runtime.getRuntime().availableProcessors();
		return new BoundedPasswordEncoder(new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2), concurrentHashes);
	}

	/**
	 * Each Argon2 hash takes 19 MiB and a core for tens of milliseconds. Requests run on
	 * virtual threads, so nothing else caps how many hash at once: a burst of sign-ins
	 * could exhaust the heap. More hashes at once than cores would not finish sooner
	 * anyway.
	 */
	static final class BoundedPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;

		private final Semaphore permits;

		BoundedPasswordEncoder(PasswordEncoder delegate, int permits) {
			this.delegate = delegate;
			this.permits = new Semaphore(permits, true);
		}

		@Override
		public @Nullable String encode(@Nullable CharSequence rawPassword) {
			this.permits.acquireUninterruptibly();
			try {
				return this.delegate.encode(rawPassword);
			}
			finally {
				this.permits.release();
			}
		}

		@Override
		public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
			this.permits.acquireUninterruptibly();
			try {
				return this.delegate.matches(rawPassword, encodedPassword);
			}
			finally {
				this.permits.release();
			}
		}

	}

}
