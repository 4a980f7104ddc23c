package dev.ticketing.common.web;

import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.BatchUpdateException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseOutageTests {

	private static final SQLErrorCodeSQLExceptionTranslator POSTGRES = new SQLErrorCodeSQLExceptionTranslator(
			"PostgreSQL");

	@ParameterizedTest
	@ValueSource(strings = { "08000", "08001", "08003", "08004", "08006", "08P01", "57P01", "57P02", "57P03", "53300" })
	void explainsAStatementThatFailedForWantOfTheServer(String state) {
		SQLException driver = serverError(state);

		assertThat(DatabaseOutage.explains(driver)).isTrue();
		assertThat(DatabaseOutage.explains(translated(driver))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// unique, foreign key, check and not-null violations
			"23505", "23503", "23514", "23502",
			// unknown table or column, syntax error, bad input
			"42P01", "42703", "42601", "22P02",
			// serialization failure, deadlock, lock not available
			"40001", "40P01", "55P03",
			// statement timeout, disk full, out of memory, statement too complex, I/O
			// error
			"57014", "53100", "53200", "54001", "58030",
			// insufficient privilege, bad password: a misconfiguration, not an outage
			"42501", "28P01" })
	void doesNotExplainAStatementThatFailedForAnyOtherReason(String state) {
		SQLException driver = serverError(state);

		assertThat(DatabaseOutage.explains(driver)).isFalse();
		assertThat(DatabaseOutage.explains(translated(driver))).isFalse();
	}

	static Stream<Arguments> outages() {
		SQLException broken = new PSQLException("An I/O error occurred while sending to the backend.",
				PSQLState.CONNECTION_FAILURE, new EOFException());
		SQLException closed = new PSQLException("This connection has been closed.",
				PSQLState.CONNECTION_DOES_NOT_EXIST);
		SQLException poolTimeout = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 5000ms.");
		// HikariCP closed the connection after the I/O error: the rollback's own error
		// says
		// nothing, the statement's does.
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(translated(broken));
		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0]);
		batch.setNextException(broken);
		return Stream.of(Arguments.of("a broken connection, translated", translated(broken)),
				Arguments.of("a rollback after the connection broke", rollback),
				Arguments.of("a rollback on a closed connection",
						new TransactionSystemException("JDBC rollback failed", closed)),
				Arguments.of("no connection for a transaction",
						new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
								poolTimeout)),
				Arguments.of("no connection for a statement",
						new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout)),
				Arguments.of("a wrapper of another library's", new IllegalStateException(broken)),
				Arguments.of("a failed batch", translated(batch)),
				Arguments.of("a filter's failure", new ServletException(new RuntimeException(closed))),
				Arguments.of("Bucket4j's rollback on the connection HikariCP closed",
						new RuntimeException(closedByHikari())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("outages")
	void explainsAFailureCausedByAnOutageHoweverWrapped(String description, Exception failure) {
		assertThat(DatabaseOutage.explains(failure)).isTrue();
	}

	@Test
	void explainsHikarisTimeoutWhenTheServerRefusesConnections() throws IOException {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/nothing");
		config.setConnectionTimeout(250);
		config.setInitializationFailTimeout(-1);
		try (HikariDataSource pool = new HikariDataSource(config)) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(pool::getConnection)
				.satisfies((timeout) -> assertThat(DatabaseOutage.explains(timeout)).isTrue());
		}
	}

	@Test
	void explainsTheDriversRefusedConnection() throws IOException {
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/nothing";

		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager.getConnection(url))
			.satisfies((refused) -> assertThat(DatabaseOutage.explains(refused)).isTrue());
	}

	static Stream<Arguments> bugs() {
		return Stream.of(
				Arguments.of("a null from the data source",
						new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
								new IllegalStateException("DataSource returned null from getConnection"))),
				Arguments.of("a resource failure without an outage's state",
						new DataAccessResourceFailureException("disk full", serverError("53100"))),
				Arguments.of("a statement timeout", translated(new SQLTimeoutException("timed out", "57014"))),
				Arguments.of("a commit refused",
						new TransactionSystemException("Could not commit JDBC transaction", serverError("40001"))),
				Arguments.of("an SQLException without a state", new SQLException("no state")),
				Arguments.of("a closed connection that HikariCP did not close",
						new RuntimeException(new SQLException("Connection is closed"))),
				Arguments.of("a rollback that failed after a bug", rollbackAfter(translated(serverError("23505")))),
				Arguments.of("a message that speaks of connections",
						new IllegalStateException("Connection refused", new IOException("Connection refused"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bugs")
	void doesNotExplainFailuresThatAreNotOutages(String description, Exception failure) {
		assertThat(DatabaseOutage.explains(failure)).isFalse();
	}

	@Test
	void endsOnACycleOfCauses() {
		SQLException first = new SQLException("first", "42000");
		SQLException second = new SQLException("second", "42000");
		first.setNextException(second);
		second.setNextException(first);
		RuntimeException wrapper = new RuntimeException(first);

		assertThat(DatabaseOutage.explains(wrapper)).isFalse();
	}

	@Test
	void describesWhereTheOutageSurfacedAndTheDriversWords() {
		RuntimeException failure = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("Connection is not available", "08001"));

		assertThat(DatabaseOutage.describe(failure)).isEqualTo(CannotGetJdbcConnectionException.class.getName()
				+ " caused by java.sql.SQLTransientConnectionException [08001] Connection is not available");
	}

	/** An error as the server reports it, and PgJDBC throws it. */
	private static PSQLException serverError(String state) {
		return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0Mit failed\0"));
	}

	/**
	 * What HikariCP throws for any call on a connection it closed after a connection
	 * error (as DatabaseOutageIntegrationTests of auth-service meet it for real).
	 */
	private static SQLException closedByHikari() {
		SQLException closed = new SQLException("Connection is closed");
		closed.setStackTrace(new StackTraceElement[] {
				new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
						"lambda$getClosedConnection$0", "ProxyConnection.java", 559),
				new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection", "rollback", "ProxyConnection.java",
						386) });
		return closed;
	}

	/** As JdbcTemplate translates it. */
	private static DataAccessException translated(SQLException ex) {
		DataAccessException translated = POSTGRES.translate("statement", "SELECT 1", ex);
		return (translated != null) ? translated : new UncategorizedSQLException("statement", "SELECT 1", ex);
	}

	private static TransactionSystemException rollbackAfter(Throwable failure) {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(failure);
		return rollback;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
