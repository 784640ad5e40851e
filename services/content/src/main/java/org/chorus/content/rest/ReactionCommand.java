package org.chorus.content.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.chorus.content.Reaction;

/** Body of {@code PUT .../reactions/mine}. */
public record ReactionCommand(
        @NotNull @Pattern(regexp = Reaction.PATTERN, message = "must be one of like, love, laugh, wow, sad, angry")
        String reaction) {
}
