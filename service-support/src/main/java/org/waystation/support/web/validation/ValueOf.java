package org.waystation.support.web.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The name of one of an enum's constants. Checked as a constraint rather than by the JSON
 * reader, so that a wrong value is reported together with every other problem of the
 * request.
 */
@Documented
@Constraint(validatedBy = ValueOf.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValueOf {

	Class<? extends Enum<?>> value();

	String message() default "must be one of {values}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<ValueOf, String> {

		private String[] names;

		@Override
		public void initialize(ValueOf annotation) {
			this.names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || Arrays.asList(this.names).contains(value)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context
				.buildConstraintViolationWithTemplate("cannot be '" + value.replace("{", "").replace("$", "")
						+ "'; must be one of " + Arrays.stream(this.names).collect(Collectors.joining(", ")))
				.addConstraintViolation();
			return false;
		}

	}

}
