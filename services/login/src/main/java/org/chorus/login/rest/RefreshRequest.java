package org.chorus.login.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Exchange of a refresh token for a new pair. */
public record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
