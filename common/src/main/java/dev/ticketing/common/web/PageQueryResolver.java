package dev.ticketing.common.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.NumberUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.ticketing.common.domain.InvalidField;

/**
 * Reads a {@link PageQuery} parameter of a controller from the query parameters
 * {@code page} and {@code size}. A value that is not a whole number in range is a 400
 * {@code validation_failed} naming each bad parameter, in the words bean validation uses
 * for the same limits.
 */
class PageQueryResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageQuery.class;
	}

	@Override
	public PageQuery resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		List<InvalidField> errors = new ArrayList<>();
		int page = read(request, "page", 0, 0, Integer.MAX_VALUE, errors);
		int size = read(request, "size", PageQuery.DEFAULT_SIZE, 1, PageQuery.MAX_SIZE, errors);
		if (!errors.isEmpty()) {
			throw new InvalidQueryException(errors);
		}
		return new PageQuery(page, size);
	}

	private static int read(NativeWebRequest request, String name, int absent, int min, int max,
			List<InvalidField> errors) {
		String text = request.getParameter(name);
		if (text == null || text.isEmpty()) {
			return absent;
		}
		int value;
		try {
			// As Spring MVC converts a request parameter to an int.
			value = NumberUtils.parseNumber(text, Integer.class);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new InvalidField(name, "has the wrong type or format"));
			return absent;
		}
		if (value < min) {
			errors.add(new InvalidField(name, "must be greater than or equal to " + min));
		}
		else if (value > max) {
			errors.add(new InvalidField(name, "must be less than or equal to " + max));
		}
		return value;
	}

}
