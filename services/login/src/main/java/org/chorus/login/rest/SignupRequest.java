package org.chorus.login.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sign-up. The username is matched case-insensitively and stored lower-case; the e-mail address
 * is trimmed and stored lower-case.
 */
@SignupPolicy
public record SignupRequest(
        @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
        @Schema(example = "ada@example.org")
        String email,

        @NotNull
        @Pattern(
                regexp = "[A-Za-z0-9_.]{3,30}",
                message = "must be 3 to 30 characters: letters a-z, digits, '_' or '.'")
        @Schema(example = "ada.l")
        String username,

        @NotNull
        @Size(min = 8, max = 128, message = "must be 8 to 128 characters long")
        @Schema(example = "correct horse battery staple")
        String password) {

    public SignupRequest {
        // surrounding blanks are a slip of the keyboard, not part of the address or name
        email = email == null ? null : email.strip();
        username = username == null ? null : username.strip();
    }

    @Override
    public String toString() {
        return "SignupRequest[email=" + email + ", username=" + username + "]"; // never log the password
    }
}
