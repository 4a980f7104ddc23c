package dev.ticketing.infra;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a fabric8 model object that its schema does not know. fabric8 keeps them
 * in each object's {@code additionalProperties} instead of refusing them, so this walks
 * the whole object and lists every one, with its path.
 */
final class UnknownFields {

	private UnknownFields() {
	}

	static List<String> in(Object object) {
		List<String> found = new ArrayList<>();
		walk(object, "", found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
		return found;
	}

	private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
		if (value == null || !seen.add(value)) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				walk(element, path + "[" + index++ + "]", found, seen);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> walk(element, path + "." + key, found, seen));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				Object fieldValue = read(field, value);
				if (field.getName().equals("additionalProperties")) {
					if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
						extra.keySet().forEach((key) -> found.add((path.isEmpty() ? "" : path + ".") + key));
					}
				}
				else {
					walk(fieldValue, path.isEmpty() ? field.getName() : path + "." + field.getName(), found, seen);
				}
			}
		}
	}

	private static Object read(Field field, Object owner) {
		try {
			return field.get(owner);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
