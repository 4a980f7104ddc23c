package dev.ticketing.tickets.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An instant before the year 10000: what ISO-8601's four-digit years can write and far
 * inside what PostgreSQL's {@code timestamptz} can hold (a later one would fail on insert
 * and become a 500). {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = BeforeYear10000.Validator.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface BeforeYear10000 {

	String message() default "must be before the year 10000";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link BeforeYear10000}. */
	class Validator implements ConstraintValidator<BeforeYear10000, Instant> {

		static final Instant LIMIT = Instant.parse("+10000-01-01T00:00:00Z");

		@Override
		public boolean isValid(Instant value, ConstraintValidatorContext context) {
			return value == null || value.isBefore(LIMIT);
		}

	}

}
