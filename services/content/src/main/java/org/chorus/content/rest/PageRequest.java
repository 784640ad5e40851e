package org.chorus.content.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/pages/{slug}}. */
public record PageRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 100_000) String body) {
}
