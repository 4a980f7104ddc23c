package dev.ticketing.common.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Apply only if the event's version is newer" (DESIGN §3, order tolerance) as one SQL
 * statement: insert the row, or update it only if the stored version is older. An older
 * or repeated event therefore changes nothing and never waits for a missing one.
 *
 * <pre>
 * boolean applied = VersionedUpsert.into("ticket_replicas")
 *     .set("id", ticket.id()).set("version", ticket.version()).set("title", ticket.title())
 *     .apply(jdbc);
 * </pre>
 *
 * The table needs a primary key {@code id} and a {@code version} column.
 */
public final class VersionedUpsert {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private final String table;

	private final Map<String, @Nullable Object> columns = new LinkedHashMap<>();

	private VersionedUpsert(String table) {
		this.table = identifier(table);
	}

	/** An upsert into {@code table}. */
	public static VersionedUpsert into(String table) {
		return new VersionedUpsert(table);
	}

	/** Sets a column; {@code id} and {@code version} are required. */
	public VersionedUpsert set(String column, @Nullable Object value) {
		this.columns.put(identifier(column), value);
		return this;
	}

	/** The statement, with one positional parameter per column. */
	String sql() {
		if (!this.columns.containsKey("id") || !this.columns.containsKey("version")) {
			throw new IllegalStateException("A versioned upsert needs the columns id and version");
		}
		String names = String.join(", ", this.columns.keySet());
		String values = this.columns.keySet().stream().map((column) -> "?").collect(Collectors.joining(", "));
		String updates = this.columns.keySet()
			.stream()
			.filter((column) -> !column.equals("id"))
			.map((column) -> column + " = EXCLUDED." + column)
			.collect(Collectors.joining(", "));
		return "INSERT INTO " + this.table + " (" + names + ") VALUES (" + values + ") ON CONFLICT (id) DO UPDATE SET "
				+ updates + " WHERE " + this.table + ".version < EXCLUDED.version";
	}

	/**
	 * Runs the upsert.
	 * @return {@code true} if the row was inserted or updated, {@code false} if the
	 * stored version was the same or newer
	 */
	public boolean apply(JdbcClient jdbc) {
		return jdbc.sql(sql()).params(this.columns.values().toArray()).update() == 1;
	}

	private static String identifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
		}
		return name;
	}

}
