package org.chorus.content.rest;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/posts/{id}/comments}; {@code parentId} names a top-level comment of the same post. */
public record CommentCommand(@NotNull @PlainText(max = 5000) String text, String parentId) {
}
