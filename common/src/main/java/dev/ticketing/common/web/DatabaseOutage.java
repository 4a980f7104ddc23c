package dev.ticketing.common.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.ClassUtils;

/**
 * Tells a failure caused by the database being out of reach from every other failure. A
 * request that failed because the connection was refused or broke under it, because the
 * server is shutting down or starting up, or because no pooled connection came in time is
 * answered 503 with {@code Retry-After}: it is no bug, and the same request will likely
 * succeed once the database is back. SQL errors, constraint violations, lock and
 * serialization failures and statement timeouts are not outages; they stay what they were
 * (mostly 500).
 * <p>
 * The evidence is a {@link SQLException} anywhere in the cause chain, judged by its type
 * and SQLSTATE: Spring's translated exceptions ({@code CannotGetJdbcConnectionException},
 * {@code CannotCreateTransactionException}, {@code DataAccessResourceFailureException}),
 * HikariCP's pool timeout and Bucket4j's wrapper all keep the driver's exception. The
 * Spring types alone are too broad (a {@code DataAccessResourceFailureException} may be a
 * full disk, a {@code CannotGetJdbcConnectionException} a data source that returned
 * null), and judging by {@code java.sql} keeps JDBC, which is optional to common, off the
 * web edge's class path.
 * <p>
 * HikariCP hides the evidence once: after a connection error it closes the connection,
 * and every later call on it fails with a plain "Connection is closed", without SQLSTATE.
 * A rollback after the error is such a call. Spring keeps the first error as the
 * {@code TransactionSystemException}'s application exception, which is looked at too;
 * Bucket4j (auth-service's sign-in limits) keeps only the rollback's, so that error
 * counts as evidence when HikariCP's closed connection threw it. The price: code that
 * used a connection after closing it itself would meet the same error and get a 503
 * (logged) rather than a 500; Spring's JDBC support never does that, and on a request's
 * path Bucket4j is the only other code that holds connections itself.
 */
final class DatabaseOutage {

	/**
	 * What a 503 for an outage asks clients to wait: long enough for a connection pool to
	 * find a restarted server, short enough that a user retrying by hand is not kept
	 * waiting. The storefront's proxy answers an unreachable service with the same.
	 */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	/**
	 * SQLSTATEs outside class 08 (connection exception) that mean the server will not
	 * serve this connection: {@code admin_shutdown}, {@code crash_shutdown},
	 * {@code cannot_connect_now} (starting up or shutting down) and
	 * {@code too_many_connections}.
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

	/** What HikariCP puts in place of a connection it has closed. */
	private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

	private static final boolean TRANSACTIONS = ClassUtils
		.isPresent("org.springframework.transaction.TransactionSystemException", DatabaseOutage.class.getClassLoader());

	/** Enough for any real wrapping; a longer chain is not followed further. */
	private static final int MAX_LINKS = 64;

	private DatabaseOutage() {
	}

	/**
	 * Whether the failure, or anything it was caused by, says the database is
	 * unreachable.
	 */
	static boolean explains(Throwable failure) {
		return evidence(failure).isPresent();
	}

	/** The exception in the failure's causes that shows the database is unreachable. */
	static Optional<SQLException> evidence(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.add(failure);
		while (!pending.isEmpty() && seen.size() < MAX_LINKS) {
			Throwable next = pending.poll();
			if (!seen.add(next)) {
				continue;
			}
			if (next instanceof SQLException sql) {
				if (isOutage(sql)) {
					return Optional.of(sql);
				}
				// A failed batch keeps the statement's own exception as the next one.
				addIfPresent(pending, sql.getNextException());
			}
			addIfPresent(pending, next.getCause());
			if (TRANSACTIONS) {
				addIfPresent(pending, Transactions.applicationException(next));
			}
		}
		return Optional.empty();
	}

	/**
	 * For a log line: where the failure surfaced and the driver's or pool's own words
	 * (connection refused, I/O error, pool timeout), without the stack of the request's
	 * code, which an outage says nothing about.
	 */
	static String describe(Throwable failure) {
		return failure.getClass().getName() + evidence(failure)
			.map((sql) -> " caused by " + sql.getClass().getName() + " [" + sql.getSQLState() + "] " + sql.getMessage())
			.orElse("");
	}

	private static boolean isOutage(SQLException ex) {
		if (ex instanceof SQLTransientConnectionException || ex instanceof SQLNonTransientConnectionException
				|| ex instanceof SQLRecoverableException) {
			// HikariCP's "connection is not available, request timed out" is the first.
			return true;
		}
		String state = ex.getSQLState();
		if (state == null) {
			return closedByThePool(ex);
		}
		return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
	}

	private static boolean closedByThePool(SQLException ex) {
		StackTraceElement[] trace = ex.getStackTrace();
		return trace.length > 0 && HIKARI_CLOSED_CONNECTION.equals(trace[0].getClassName());
	}

	private static void addIfPresent(Deque<Throwable> pending, @Nullable Throwable cause) {
		if (cause != null) {
			pending.add(cause);
		}
	}

	/** Spring's transactions, loaded only when they are on the class path. */
	private static final class Transactions {

		static @Nullable Throwable applicationException(Throwable ex) {
			return (ex instanceof TransactionSystemException failed) ? failed.getApplicationException() : null;
		}

	}

}
