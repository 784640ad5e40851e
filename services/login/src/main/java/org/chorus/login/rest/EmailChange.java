package org.chorus.login.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.chorus.login.service.IdentityProof;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new e-mail address, with the password (and with 2FA on, a code) asked again. */
public record EmailChange(
        @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
        String newEmail,

        @NotNull @Size(max = 1024) String password,

        @Pattern(regexp = TwoFactorRequests.SIX_DIGITS, message = "must be 6 digits")
        @Schema(description = "with 2FA on: a current code (or give recoveryCode)", example = "123456")
        String code,

        @Size(min = 1, max = 64) @Schema(description = "with 2FA on: a recovery code instead of code")
        String recoveryCode) {

    IdentityProof proof() {
        return new IdentityProof(password, "password", code, recoveryCode);
    }

    public EmailChange {
        newEmail = newEmail == null ? null : newEmail.strip();
    }

    @Override
    public String toString() {
        return "EmailChange[newEmail=" + newEmail + "]";
    }
}
