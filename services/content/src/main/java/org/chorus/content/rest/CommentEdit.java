package org.chorus.content.rest;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PATCH /api/comments/{id}}. */
public record CommentEdit(@NotNull @PlainText(max = 5000) String text) {
}
