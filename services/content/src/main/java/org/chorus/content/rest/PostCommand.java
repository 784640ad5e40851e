package org.chorus.content.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.chorus.content.Visibility;

/** Body of {@code POST /api/posts}. */
public record PostCommand(
        @NotNull @PlainText(max = 5000) String text,
        @Pattern(regexp = Visibility.PATTERN, message = "must be public, friends or private") String visibility,
        @Size(max = 16) @Pattern(regexp = PostCommand.LANGUAGE, message = "must be a language tag such as en or pt-BR")
        String language) {

    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";
}
