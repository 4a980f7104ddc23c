package dev.ticketing.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of docs/design.md's route tables (§2), read from the file itself, so that a
 * service's OpenAPI document is checked against the design and not against a copy of it.
 * A route row starts with {@code | `METHOD /api/...`}; its table's header names the
 * {@code success} and {@code errors} columns. A status is a number at the start of the
 * success cell, or at the start of an item of the errors cell, items being separated by
 * {@code ;} or {@code ,} once code spans and parenthesised remarks are taken out: so
 * figures of the prose ("≤ 254 chars", "1–120") are never read as statuses.
 */
public final class DesignRoutes {

	private static final Pattern ROUTE_ROW = Pattern.compile("^\\|\\s*`(GET|POST|PUT|DELETE|PATCH) (/api/[^`\\s]*)`");

	private static final Pattern LEADING_STATUS = Pattern.compile("^([1-5][0-9]{2})(?![0-9])");

	private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

	private static final Pattern INNERMOST_REMARK = Pattern.compile("\\([^()]*\\)");

	private DesignRoutes() {
	}

	/**
	 * A route of the design.
	 *
	 * @param method the HTTP method, upper case
	 * @param path the path without its query, with {@code {id}}-style placeholders
	 * @param statuses every status the design lists for it, success and errors
	 */
	public record Route(String method, String path, Set<Integer> statuses) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " " + this.statuses;
		}

	}

	/** docs/design.md of the repository, seen from a module's directory. */
	public static Path designFile() {
		Path design = Path.of("..", "docs", "design.md").toAbsolutePath().normalize();
		if (!Files.isRegularFile(design)) {
			throw new IllegalStateException("No design at " + design + ": tests run in a module's directory");
		}
		return design;
	}

	/** Every route of the design. */
	public static List<Route> all() {
		try {
			return parse(Files.readAllLines(designFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The routes whose path is {@code basePath} or under it, e.g. {@code /api/orders}.
	 */
	public static List<Route> under(String basePath) {
		return all().stream()
			.filter((route) -> route.path().equals(basePath) || route.path().startsWith(basePath + "/"))
			.toList();
	}

	static List<Route> parse(List<String> lines) {
		List<Route> routes = new ArrayList<>();
		List<String> header = List.of();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.startsWith("|") && i + 1 < lines.size() && lines.get(i + 1).matches("^\\|(\\s*-+\\s*\\|)+\\s*$")) {
				header = cells(line).stream().map((cell) -> cell.toLowerCase(Locale.ROOT)).toList();
				continue;
			}
			Matcher row = ROUTE_ROW.matcher(line);
			if (!row.find()) {
				continue;
			}
			List<String> cells = cells(line);
			int success = header.indexOf("success");
			int errors = header.indexOf("errors");
			if (cells.size() != header.size() || success < 0 || errors < 0) {
				throw new IllegalStateException("Line " + (i + 1) + " of the design is not a row of a table with"
						+ " success and errors columns (" + header + "): " + line);
			}
			Set<Integer> statuses = new TreeSet<>();
			leadingStatus(cells.get(success)).ifPresent(statuses::add);
			for (String item : items(cells.get(errors))) {
				leadingStatus(item).ifPresent(statuses::add);
			}
			if (statuses.isEmpty()) {
				throw new IllegalStateException("Line " + (i + 1) + " of the design has no status: " + line);
			}
			String path = row.group(2);
			int query = path.indexOf('?');
			routes.add(new Route(row.group(1), (query < 0) ? path : path.substring(0, query), statuses));
		}
		return routes;
	}

	private static List<String> cells(String line) {
		String inner = line.strip();
		inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
	}

	/** The items of an errors cell, without code spans and remarks in parentheses. */
	private static List<String> items(String cell) {
		String text = CODE_SPAN.matcher(cell).replaceAll("");
		for (String before = null; !text.equals(before);) {
			before = text;
			text = INNERMOST_REMARK.matcher(text).replaceAll("");
		}
		return Arrays.stream(text.split("[;,]")).map(String::strip).toList();
	}

	private static Optional<Integer> leadingStatus(String text) {
		Matcher status = LEADING_STATUS.matcher(text.strip());
		return status.find() ? Optional.of(Integer.valueOf(status.group(1))) : Optional.empty();
	}

}
