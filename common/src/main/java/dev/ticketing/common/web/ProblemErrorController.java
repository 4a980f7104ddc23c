package dev.ticketing.common.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that never reached a controller (raised by the servlet container or a
 * filter) with the same problem shape, replacing Spring Boot's whitelabel and JSON error
 * pages; a filter's failure for want of the database is a 503, as in
 * {@link ApiExceptionHandler}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Without a status this is no error dispatch but a request for the error path
		// itself: it is answered like any unknown route, not as a failure of ours.
		int status = (statusAttribute == null) ? 404
				: (statusAttribute instanceof Integer code && code >= 400) ? code : 500;
		Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (error instanceof Throwable failure && DatabaseOutage.explains(failure)) {
			// A filter that needed the database: as ApiExceptionHandler answers.
			log.warn("Answering 503 for {}: the database is unreachable ({})", uri, DatabaseOutage.describe(failure));
			status = HttpStatus.SERVICE_UNAVAILABLE.value();
		}
		else if (status >= 500) {
			log.error("Unexpected error for {}", uri, (error instanceof Throwable t) ? t : null);
		}
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		if (status == HttpStatus.SERVICE_UNAVAILABLE.value() && !response.containsHeader(HttpHeaders.RETRY_AFTER)) {
			response.setHeader(HttpHeaders.RETRY_AFTER,
					Long.toString(ApiExceptionHandler.retryAfterSeconds(DatabaseOutage.RETRY_AFTER)));
		}
		Problems.write(response, Problems.forStatus(status));
	}

}
