package org.waystation.intake.appeal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.waystation.support.privacy.PhoneNumbers;

/**
 * A mainland mobile (13812345678, +86 138 1234 5678) or a landline with its area code.
 */
@Documented
@Constraint(validatedBy = ChinesePhoneNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface ChinesePhoneNumber {

	String message() default "must be a mainland mobile number such as 13812345678 or a landline with its area code such as 010-12345678";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ChinesePhoneNumber, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || PhoneNumbers.normalize(value).isPresent();
		}

	}

}
