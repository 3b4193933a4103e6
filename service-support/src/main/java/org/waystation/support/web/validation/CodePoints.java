package org.waystation.support.web.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.waystation.support.text.ChannelText;

/**
 * Text as a person writes it: at most {@code max} characters as people count them (code
 * points, not UTF-16 units), no control characters other than tab and line breaks, no
 * invisible formatting characters (the joiner inside emoji aside) or lone surrogates, and
 * not made of nothing but invisible characters. An API that can tell its caller refuses
 * such text rather than store it.
 */
@Documented
@Constraint(validatedBy = CodePoints.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface CodePoints {

	int max();

	String message() default "must be at most {max} characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<CodePoints, String> {

		private int max;

		@Override
		public void initialize(CodePoints annotation) {
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (ChannelText.hasControlCharacters(value)) {
				return refuse(context, "must not contain control or invisible formatting characters");
			}
			if (!value.isBlank() && ChannelText.clean(value).isEmpty()) {
				return refuse(context, "must not be made only of spaces or invisible characters");
			}
			return value.codePointCount(0, value.length()) <= this.max;
		}

		private static boolean refuse(ConstraintValidatorContext context, String problem) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}
