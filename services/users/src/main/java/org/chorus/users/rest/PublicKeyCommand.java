package org.chorus.users.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/users/me/keys}: the public half only, base64 (standard or url-safe). */
public record PublicKeyCommand(
        @NotBlank @Pattern(regexp = "ed25519|x25519|p-256|rsa", message = "must be one of ed25519, x25519, p-256, rsa")
        String algorithm,

        @NotBlank @Size(min = 32, max = 4096) @Pattern(regexp = "[A-Za-z0-9+/_=-]*", message = "must be base64")
        String key,

        @Size(max = 50) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String label) {}
