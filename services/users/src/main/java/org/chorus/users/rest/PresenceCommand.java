package org.chorus.users.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of a presence heartbeat: the beating device (part of the contract; presence itself is kept per user). */
public record PresenceCommand(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, '.', '_' or '-' only")
        String deviceId) {
}
