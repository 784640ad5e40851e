package org.chorus.login.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new username (matched case-insensitively, stored lower-case). */
public record UsernameChange(
        @NotNull
        @Pattern(
                regexp = "[A-Za-z0-9_.]{3,30}",
                message = "must be 3 to 30 characters: letters a-z, digits, '_' or '.'")
        String username) {

    public UsernameChange {
        username = username == null ? null : username.strip();
    }
}
