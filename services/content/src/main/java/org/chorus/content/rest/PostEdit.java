package org.chorus.content.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.chorus.content.Visibility;

/** Body of {@code PATCH /api/posts/{id}}: absent fields stay as they are; an empty language clears it. */
public record PostEdit(
        @PlainText(max = 5000) String text,
        @Pattern(regexp = Visibility.PATTERN, message = "must be public, friends or private") String visibility,
        @Size(max = 16) @Pattern(regexp = "|" + PostCommand.LANGUAGE, message = "must be a language tag such as en or pt-BR, or empty")
        String language) {
}
