package org.chorus.login.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The current password, asked again before something irreversible. */
public record PasswordConfirmation(@NotNull @Size(max = 1024) String password) {

    @Override
    public String toString() {
        return "PasswordConfirmation[]";
    }
}
