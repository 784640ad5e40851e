package org.chorus.login.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A password change by its owner. */
public record PasswordChange(
        @NotNull @Size(max = 1024) String currentPassword,
        @NotNull @Size(min = 8, max = 128, message = "must be 8 to 128 characters long") String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
