package dev.ticketing.common.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The outbox and inbox tables: common's own, in schema {@value #SCHEMA} with a Flyway
 * history of their own ({@code messaging.flyway_schema_history}, migrations in
 * {@value #LOCATION}), so that common can change them without a migration of common's
 * ever meeting a service's. Migrated just before the service's own migrations, on the
 * same database. A database whose tables were made by the service's {@code V0_1} before
 * is taken over by common's {@code V1} (see the migration). See docs/adr/0013.
 */
final class MessagingSchema {

	/** The PostgreSQL schema of the outbox and the inbox. */
	static final String SCHEMA = "messaging";

	/** Where common's migrations of that schema are. */
	static final String LOCATION = "classpath:db/messaging-schema";

	private MessagingSchema() {
	}

	/**
	 * Brings the messaging schema of the database that {@code service} (the service's own
	 * Flyway configuration) migrates up to date.
	 * @throws IllegalStateException if the service's own migrations include common's
	 */
	static void migrate(Configuration service) {
		if (Arrays.stream(service.getLocations()).map(Location::getDescriptor).anyMatch(LOCATION::equals)) {
			throw new IllegalStateException("spring.flyway.locations includes " + LOCATION
					+ ": common migrates the messaging schema itself, remove it from the service's locations");
		}
		Flyway.configure()
			.dataSource(service.getDataSource())
			.schemas(SCHEMA)
			.createSchemas(true)
			.locations(LOCATION)
			.placeholders(Map.of("serviceSchema", serviceSchema(service), "serviceHistory", service.getTable()))
			.load()
			.migrate();
	}

	/** The schema the service's own tables and history are in. */
	private static String serviceSchema(Configuration service) {
		if (service.getDefaultSchema() != null) {
			return service.getDefaultSchema();
		}
		if (service.getSchemas().length > 0) {
			return service.getSchemas()[0];
		}
		DataSource dataSource = service.getDataSource();
		try (Connection connection = dataSource.getConnection()) {
			return connection.getSchema();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the service's schema", ex);
		}
	}

}
