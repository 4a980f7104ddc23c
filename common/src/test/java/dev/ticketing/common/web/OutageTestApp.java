package dev.ticketing.common.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.security.ProtectedRoutes;
import dev.ticketing.common.testing.TestSecurityConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A service as small as can be that keeps its data in the real PostgreSQL
 * ({@code ticketing_common_test}, through the test's severable proxy), for the tests of
 * what a request answers when the database goes away under it. Its routes list things in
 * a transaction, optionally stopping inside it ({@link Hold}) or inside a slow statement,
 * so that the database can be cut off while the request is in flight.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ TestSecurityConfiguration.class, OutageTestApp.Hold.class, OutageTestApp.Listings.class,
		OutageTestApp.ListingsController.class })
public class OutageTestApp {

	/** The application name of the app's database sessions. */
	static final String NAME = "ticketing-outage-test";

	/** A route whose filter reads the database before Spring MVC runs. */
	static final String FILTERED_PATH = "/api/listings/filtered";

	@Bean
	ProtectedRoutes listingRoutes() {
		return (routes) -> routes.requestMatchers(HttpMethod.POST, "/api/listings/**").authenticated();
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> countingFilter(JdbcClient jdbc) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						request.setAttribute("listings",
								jdbc.sql("SELECT count(*) FROM listings").query(Long.class).single());
						chain.doFilter(request, response);
					}

				});
		registration.addUrlPatterns(FILTERED_PATH);
		return registration;
	}

	/**
	 * Where a request waits, inside its transaction, until the test lets it go on.
	 */
	static class Hold {

		private volatile CountDownLatch entered = new CountDownLatch(1);

		private volatile CountDownLatch released = new CountDownLatch(1);

		/** Makes the next {@link #here()} wait. */
		void arm() {
			this.entered = new CountDownLatch(1);
			this.released = new CountDownLatch(1);
		}

		void here() {
			this.entered.countDown();
			try {
				if (!this.released.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The test never released the held request");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** Waits until a request is held. */
		boolean awaitEntered() throws InterruptedException {
			return this.entered.await(10, TimeUnit.SECONDS);
		}

		void release() {
			this.released.countDown();
		}

	}

	@Component
	static class Listings {

		private final JdbcClient jdbc;

		private final Hold hold;

		Listings(JdbcClient jdbc, Hold hold) {
			this.jdbc = jdbc;
			this.hold = hold;
		}

		/** Lists two things in one transaction, waiting between them when asked to. */
		@Transactional
		public void listTwo(UUID seller, boolean held) {
			insert(UUID.randomUUID(), seller, "first");
			if (held) {
				this.hold.here();
			}
			insert(UUID.randomUUID(), seller, "second");
		}

		/**
		 * Lists a thing, then runs a statement that takes seconds; the seller's id in its
		 * text lets the test find it in {@code pg_stat_activity}.
		 */
		@Transactional
		public void listSlowly(UUID seller) {
			insert(UUID.randomUUID(), seller, "slow");
			this.jdbc.sql("SELECT 1 FROM pg_sleep(3) /* " + seller + " */").query(Integer.class).single();
		}

		/** Lists a thing under an id given twice: a bug, the second time. */
		@Transactional
		public void listAs(UUID id, UUID seller) {
			insert(id, seller, "given");
		}

		public long count(UUID seller) {
			return this.jdbc.sql("SELECT count(*) FROM listings WHERE seller_id = ?")
				.param(seller)
				.query(Long.class)
				.single();
		}

		/** A query with a mistake in it. */
		public long misspelt() {
			return this.jdbc.sql("SELECT count(*) FROM listingz").query(Long.class).single();
		}

		private void insert(UUID id, UUID seller, String title) {
			this.jdbc.sql("INSERT INTO listings (id, seller_id, title) VALUES (?, ?, ?)")
				.params(id, seller, title)
				.update();
		}

	}

	@RestController
	static class ListingsController {

		private final Listings listings;

		ListingsController(Listings listings) {
			this.listings = listings;
		}

		@PostMapping("/api/listings")
		@ResponseStatus(HttpStatus.CREATED)
		Map<String, Object> list(@AuthenticationPrincipal AuthenticatedUser user,
				@RequestParam(defaultValue = "false") boolean held) {
			this.listings.listTwo(user.id(), held);
			return Map.of("sellerId", user.id());
		}

		@PostMapping("/api/listings/slow")
		@ResponseStatus(HttpStatus.CREATED)
		Map<String, Object> listSlowly(@AuthenticationPrincipal AuthenticatedUser user) {
			this.listings.listSlowly(user.id());
			return Map.of("sellerId", user.id());
		}

		@PostMapping("/api/listings/given")
		@ResponseStatus(HttpStatus.CREATED)
		Map<String, Object> listAs(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam UUID id) {
			this.listings.listAs(id, user.id());
			return Map.of("id", id);
		}

		@GetMapping("/api/listings/count")
		Map<String, Object> count(@RequestParam UUID sellerId) {
			return Map.of("listings", this.listings.count(sellerId));
		}

		@GetMapping("/api/listings/misspelt")
		Map<String, Object> misspelt() {
			return Map.of("listings", this.listings.misspelt());
		}

		@GetMapping(FILTERED_PATH)
		Map<String, Object> filtered(@RequestAttribute("listings") long listings) {
			return Map.of("listings", listings);
		}

	}

}
