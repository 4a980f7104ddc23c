package dev.ticketing.common.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a
 * sane token, otherwise a new UUID. It is echoed in the response and put in the logging
 * MDC as {@code requestId}, so every log line written for the request carries it.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = (String) request.getAttribute(MDC_KEY);
		if (requestId == null) {
			String supplied = request.getHeader(HEADER);
			requestId = (supplied != null && ACCEPTABLE.matcher(supplied).matches()) ? supplied
					: UUID.randomUUID().toString();
			request.setAttribute(MDC_KEY, requestId);
			response.setHeader(HEADER, requestId);
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, requestId)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The error dispatch comes after this filter returned; it needs the id in
		// the MDC again.
		return false;
	}

}
