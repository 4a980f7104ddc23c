package dev.ticketing.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Secrets that {@code infra/k8s/overlays/prod/README.md} tells an operator to create,
 * read from its table: {@code | `name` | `key`, `key` | what it is |}, and the commands
 * it gives to create them.
 */
final class ProdSecrets {

	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|([^|]+)\\|");

	private static final Pattern KEY = Pattern.compile("`([A-Za-z0-9._-]+)`");

	private ProdSecrets() {
	}

	static Map<String, Set<String>> documented() {
		Map<String, Set<String>> secrets = new LinkedHashMap<>();
		for (String line : Repository.read("infra/k8s/overlays/prod/README.md").lines().toList()) {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				Matcher key = KEY.matcher(row.group(2));
				List<String> keys = key.results().map((result) -> result.group(1)).toList();
				secrets.put(row.group(1), keys.stream().collect(Collectors.toCollection(java.util.TreeSet::new)));
			}
		}
		return secrets;
	}

	/** The lines of the README's {@code bash} block, in order. */
	static List<String> commands() {
		List<String> lines = Repository.read("infra/k8s/overlays/prod/README.md").lines().toList();
		int start = lines.indexOf("```bash");
		if (start < 0) {
			throw new AssertionError("infra/k8s/overlays/prod/README.md has no ```bash block");
		}
		int end = lines.subList(start + 1, lines.size()).indexOf("```");
		if (end < 0) {
			throw new AssertionError("The ```bash block of infra/k8s/overlays/prod/README.md does not end");
		}
		return lines.subList(start + 1, start + 1 + end);
	}

}
