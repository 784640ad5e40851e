package org.chorus.login.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The token of a reset link and the new password. */
public record ResetCompletion(
        @NotBlank @Size(max = 256) String token,

        @NotNull @Size(min = 8, max = 128, message = "must be 8 to 128 characters long")
        String newPassword) {

    @Override
    public String toString() {
        return "ResetCompletion[]";
    }
}
