package org.chorus.login.rest;

import java.util.Locale;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** See {@link AcceptablePassword}. */
public class AcceptablePasswordValidator implements ConstraintValidator<AcceptablePassword, SignupRequest> {

    @Override
    public boolean isValid(SignupRequest request, ConstraintValidatorContext context) {
        if (request == null || request.password() == null) {
            return true; // @NotNull on the field reports it
        }
        String password = request.password().trim().toLowerCase(Locale.ROOT);
        boolean sameAsUsername = request.username() != null
                && password.equals(request.username().trim().toLowerCase(Locale.ROOT));
        boolean sameAsEmail = request.email() != null
                && password.equals(request.email().trim().toLowerCase(Locale.ROOT));
        if (!sameAsUsername && !sameAsEmail) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("password")
                .addConstraintViolation();
        return false;
    }
}
