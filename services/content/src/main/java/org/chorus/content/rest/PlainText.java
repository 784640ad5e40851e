package org.chorus.content.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that is stored and shown as plain text: {@code min}–{@code max} characters (Unicode code points, not
 * UTF-16 units), not blank, valid Unicode (no lone surrogates, no noncharacters) and no control characters but
 * tab and line breaks — NUL above all, which PostgreSQL cannot store. Null passes (absent means unchanged);
 * add {@code @NotNull} where a value is required.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    int min() default 1;

    int max();

    String message() default "must be {min} to {max} characters of plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private int min;
        private int max;

        @Override
        public void initialize(PlainText annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (min > 0 && value.isBlank()) {
                return false;
            }
            int count = 0;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == 0xfffe || c == 0xffff) {
                    return false;
                }
                count++;
            }
            return count >= min && count <= max;
        }
    }
}
