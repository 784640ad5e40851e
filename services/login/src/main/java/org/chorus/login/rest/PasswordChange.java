package org.chorus.login.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.chorus.login.service.IdentityProof;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A password change by its owner: the current password, and with 2FA on a code as well. */
public record PasswordChange(
        @NotNull @Size(max = 1024) String currentPassword,

        @NotNull @Size(min = 8, max = 128, message = "must be 8 to 128 characters long")
        String newPassword,

        @Pattern(regexp = TwoFactorRequests.SIX_DIGITS, message = "must be 6 digits")
        @Schema(description = "with 2FA on: a current code (or give recoveryCode)", example = "123456")
        String code,

        @Size(min = 1, max = 64) @Schema(description = "with 2FA on: a recovery code instead of code")
        String recoveryCode) {

    IdentityProof proof() {
        return new IdentityProof(currentPassword, "currentPassword", code, recoveryCode);
    }

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
