package dev.ticketing.common.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;

/**
 * Turns every exception that reaches Spring MVC into the problem shape of DESIGN §2: the
 * framework's own (unknown route, wrong method or media type, unreadable or invalid
 * body), each service's refusals ({@link DomainException}, with the status
 * {@link ProblemStatuses} gives its code), the database being out of reach
 * ({@link DatabaseOutage}: 503 with {@code Retry-After}), and anything unexpected, which
 * is logged and answered with a 500 that reveals nothing of it.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ProblemStatuses statuses;

	public ApiExceptionHandler(ProblemStatuses statuses) {
		this.statuses = statuses;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> handleRefusal(DomainException ex) {
		HttpStatus status = this.statuses.statusOf(ex.code()).orElse(null);
		if (status == null) {
			log.error("Refusal code {} has no HTTP status: map it in the service's ProblemStatuses", ex.code(), ex);
			return internalError();
		}
		ProblemDetail problem = Problems.of(status, ex.code(), ex.detail());
		if (!ex.invalidFields().isEmpty()) {
			Problems.withErrors(problem, ex.invalidFields());
		}
		ex.members().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		ex.retryAfter()
			.ifPresent((wait) -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(wait))));
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		if (DatabaseOutage.explains(ex)) {
			// Every request fails this way while the database is away: one line each, no
			// stack; readiness is down meanwhile, which is where an operator looks.
			log.warn("Answering 503: the database is unreachable ({})", DatabaseOutage.describe(ex));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(DatabaseOutage.RETRY_AFTER)))
				.body(Problems.forStatus(503));
		}
		log.error("Unexpected error while handling the request", ex);
		return internalError();
	}

	/** A 500 that reveals nothing of its cause. */
	private static ResponseEntity<Object> internalError() {
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", Problems.defaultDetail(500)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (hasCause(ex, PayloadTooLargeException.class)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, Problems.defaultCode(413), Problems.defaultDetail(413));
		}
		return problem(HttpStatus.BAD_REQUEST, "malformed_request", describeUnreadable(ex));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new InvalidField(error.getField(), message(error)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new InvalidField(error.getObjectName(), message(error))));
		return validationProblem(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			if (result instanceof ParameterErrors bean) {
				// A @Valid body validated together with constrained parameters: name
				// its fields, as when it is validated alone.
				bean.getFieldErrors()
					.forEach((error) -> errors.add(new InvalidField(error.getField(), message(error))));
				return;
			}
			String name = parameterName(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(new InvalidField(name, message(error)));
			}
		});
		return validationProblem(errors);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// DESIGN §2: a malformed id in a path is answered like an unknown id.
			return problem(HttpStatus.NOT_FOUND, "not_found", Problems.defaultDetail(404));
		}
		String property = ex.getPropertyName();
		String name = (property != null) ? property : "parameter";
		return validationProblem(List.of(new InvalidField(name, "has the wrong type or format")));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
			// The framework's detail texts may name handler methods or types.
			problem.setDetail(Problems.defaultDetail(statusCode.value()));
			Problems.withCode(problem, Problems.defaultCode(statusCode.value()));
		}
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	/** Whole seconds, rounded up, at least one (RFC 9110's {@code Retry-After}). */
	static long retryAfterSeconds(Duration wait) {
		long seconds = (wait.toMillis() + 999) / 1000;
		return Math.max(1, seconds);
	}

	/** The name a client knows a parameter by: a header's or query parameter's name. */
	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return Objects.requireNonNullElse(parameter.getParameterName(), "parameter");
	}

	/** A validation error's message; bean validation always gives one. */
	private static String message(MessageSourceResolvable error) {
		return Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid");
	}

	private ResponseEntity<Object> validationProblem(List<InvalidField> errors) {
		List<InvalidField> sorted = errors.stream()
			.sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
			.toList();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed",
				"The request has invalid fields.");
		return ResponseEntity.badRequest().body(Problems.withErrors(problem, sorted));
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
		return ResponseEntity.status(status).body(Problems.of(status, code, detail));
	}

	private static String describeUnreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause == null) {
			return "A JSON request body is required.";
		}
		if (cause instanceof StreamReadException read) {
			// StrictJsonCustomizer's duplicate detection: no member is silently dropped.
			return String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")
					? "The request body has a field more than once." : "The request body is not valid JSON.";
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
			return "Field '" + field + "' has the wrong type or format.";
		}
		return "The request body could not be read as the expected JSON object.";
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
