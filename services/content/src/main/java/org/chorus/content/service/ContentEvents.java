package org.chorus.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.content.Entities;

/** Every event content publishes, through the outbox in the caller's transaction. */
@ApplicationScoped
public class ContentEvents {

    void postCreated(UUID id, UUID author, String visibility, String language, String text, Entities entities, Instant at) {
    }

    void postUpdated(UUID id, UUID author, String visibility, String language, String text, int version,
                     Entities entities, Instant at) {
    }

    void postDeleted(UUID id, UUID author, Instant at) {
    }

    void commentCreated(UUID id, UUID postId, UUID postAuthor, UUID author, UUID parentId, UUID parentAuthor, String text,
                        Instant at) {
    }

    void commentDeleted(UUID id, UUID postId, UUID author, UUID deletedBy, Instant at) {
    }

    void reactionAdded(String kind, UUID targetId, UUID postId, UUID targetAuthor, UUID user, String reaction, Instant at) {
    }

    void mentionCreated(UUID postId, UUID commentId, UUID author, UUID mentioned, Instant at) {
    }

    void contentReported(UUID id, String kind, UUID targetId, UUID targetAuthor, UUID reporter, String reason,
                         String comment, String snapshot, Instant at) {
    }
}
