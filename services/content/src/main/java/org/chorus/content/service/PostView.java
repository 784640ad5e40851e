package org.chorus.content.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.content.Entities;

/**
 * A post as readers get it. {@code text} is plain text exactly as written (never HTML); {@code editedAt} is null
 * unless the post was edited; {@code hidden} is true only for the author (or a moderator) reading a post a
 * moderator hid — nobody else gets it at all.
 */
public record PostView(UUID id, Author author, String text, String visibility, String language, Entities entities,
                       Instant createdAt, Instant editedAt, int version, Counts counts, String myReaction,
                       boolean hidden) {

    public record Author(UUID id, String username) {
    }

    /** @param reactions every kind of reaction, with 0 for those nobody chose */
    public record Counts(long comments, Map<String, Long> reactions) {
    }
}
