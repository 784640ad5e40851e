package org.chorus.login.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Password login with a username or an e-mail address. */
public record LoginRequest(
        @NotBlank @Size(max = 254) @Schema(description = "username or e-mail address", example = "ada.l")
        String login,

        // longer than any acceptable password, so a wrong one is refused the usual way, after hashing
        @NotNull @Size(max = 1024) @Schema(example = "correct horse battery staple")
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[login=" + login + "]";
    }
}
