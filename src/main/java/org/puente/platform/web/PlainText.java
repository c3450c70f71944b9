package org.puente.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text typed by a person: refuses control characters (a null byte, escape sequences), which no form
 * field needs and which break storage, mail headers and CSV exports. Line breaks only where
 * {@link #multiline()}. Markup is not refused here: all text is escaped when shown.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "{field.controlCharacters}";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {
        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            this.multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value, multiline);
        }

        public static boolean isPlain(String value, boolean multiline) {
            return value.codePoints()
                    .noneMatch(c -> (Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                            && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        }
    }
}
