package org.chorus.content.service;

import java.time.Instant;
import java.util.UUID;

/** One saved state of a post: number 1 is the original, the highest the current text. */
public record VersionView(int number, String text, String visibility, String language, UUID editedBy,
                          Instant editedAt) {
}
