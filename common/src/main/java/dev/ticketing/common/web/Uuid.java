package dev.ticketing.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A string that is a UUID in canonical form ({@code 8-4-4-4-12} hex digits, either case),
 * as {@link PathIds} reads ids in paths. {@code null} is valid (combine with
 * {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = Uuid.Validator.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Uuid {

	String message() default "must be a UUID";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link Uuid}. */
	class Validator implements ConstraintValidator<Uuid, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || PathIds.parse(value).isPresent();
		}

	}

}
