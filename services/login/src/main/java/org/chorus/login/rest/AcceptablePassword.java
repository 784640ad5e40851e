package org.chorus.login.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The password of a sign-up must not be its username or e-mail address. Checked on the whole
 * request (it needs all three fields) but reported on the {@code password} field.
 */
@Documented
@Constraint(validatedBy = AcceptablePasswordValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

    String message() default "must not be the username or the e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
