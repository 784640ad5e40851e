package org.chorus.login.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new e-mail address, with the password asked again. */
public record EmailChange(
        @NotBlank @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
        String newEmail,
        @NotNull @Size(max = 1024) String password) {

    public EmailChange {
        newEmail = newEmail == null ? null : newEmail.strip();
    }

    @Override
    public String toString() {
        return "EmailChange[newEmail=" + newEmail + "]";
    }
}
