package org.chorus.login.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.chorus.login.service.PasswordPolicy;
import org.chorus.login.service.UsernamePolicy;

/** See {@link SignupPolicy}. A CDI bean, so it can use the policies' lists. */
@ApplicationScoped
public class SignupPolicyValidator implements ConstraintValidator<SignupPolicy, SignupRequest> {

    private final PasswordPolicy passwords;
    private final UsernamePolicy usernames;

    SignupPolicyValidator(PasswordPolicy passwords, UsernamePolicy usernames) {
        this.passwords = passwords;
        this.usernames = usernames;
    }

    @Override
    public boolean isValid(SignupRequest request, ConstraintValidatorContext context) {
        if (request == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        String passwordProblem = passwords.violation(request.password(), request.username(), request.email());
        if (passwordProblem != null) {
            reject(context, "password", passwordProblem);
            valid = false;
        }
        if (usernames.isReserved(request.username())) {
            reject(context, "username", UsernamePolicy.RESERVED);
            valid = false;
        }
        return valid;
    }

    private static void reject(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(field)
                .addConstraintViolation();
    }
}
