package org.chorus.login.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An e-mail address to send a link to. */
public record EmailRequest(
        @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
        String email) {

    public EmailRequest {
        email = email == null ? null : email.strip();
    }
}
