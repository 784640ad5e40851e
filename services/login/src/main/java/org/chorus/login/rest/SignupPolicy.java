package org.chorus.login.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The rules of a sign-up that need more than one field or a list: the password is not the
 * username or e-mail address nor a common password; the username is not reserved. Checked on the
 * whole request, reported on the field concerned.
 */
@Documented
@Constraint(validatedBy = SignupPolicyValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SignupPolicy {

    String message() default "violates the sign-up policy";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
