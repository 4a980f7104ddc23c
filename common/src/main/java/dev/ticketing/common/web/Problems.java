package dev.ticketing.common.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import dev.ticketing.common.domain.InvalidField;

/**
 * The one error shape of DESIGN §2: RFC 9457 problem details with a stable {@code code}.
 */
public final class Problems {

	/** The problem {@code type} URIs are this prefix followed by the code. */
	public static final String TYPE_PREFIX = "urn:ticketing:problem:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** A problem with the given status, code and client-safe detail. */
	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		return withCode(problem, code);
	}

	/** The generic problem for a status: its default code and detail. */
	public static ProblemDetail forStatus(int status) {
		return of(HttpStatusCode.valueOf(status), defaultCode(status), defaultDetail(status));
	}

	/** Sets {@code code} and the matching {@code type} on an existing problem. */
	public static ProblemDetail withCode(ProblemDetail problem, String code) {
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setProperty("code", code);
		if (problem.getTitle() == null) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
		}
		return problem;
	}

	/** The code for a status when nothing more specific is known. */
	public static String defaultCode(int status) {
		return switch (status) {
			case 400 -> "malformed_request";
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 406 -> "not_acceptable";
			case 409 -> "conflict";
			case 413 -> "payload_too_large";
			case 415 -> "unsupported_media_type";
			case 429 -> "too_many_requests";
			case 503 -> "service_unavailable";
			default -> (status >= 500) ? "internal_error" : "bad_request";
		};
	}

	/** The client-safe detail for a status when nothing more specific is known. */
	public static String defaultDetail(int status) {
		return switch (status) {
			case 400 -> "The request could not be read.";
			case 401 -> "Authentication is required.";
			case 403 -> "This action is not allowed.";
			case 404 -> "No such resource.";
			case 405 -> "This method is not supported for this resource.";
			case 406 -> "No acceptable representation is available.";
			case 413 -> "The request body is larger than 64 KiB.";
			case 415 -> "The content type is not supported; send application/json.";
			case 503 -> "The service is unavailable for a moment; please try again shortly.";
			default -> (status >= 500) ? "An unexpected error occurred." : "The request was refused.";
		};
	}

	/** Adds the {@code errors} array of a 400 validation problem. */
	public static ProblemDetail withErrors(ProblemDetail problem, List<InvalidField> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * Writes a problem straight to a servlet response, for code that runs outside Spring
	 * MVC (filters, security entry points, the error controller).
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		// JSON is UTF-8 by definition (RFC 8259), so no charset parameter, as in
		// Spring MVC's responses.
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), toMap(problem));
	}

	/** The JSON members of a problem, with its extension properties inlined. */
	public static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
