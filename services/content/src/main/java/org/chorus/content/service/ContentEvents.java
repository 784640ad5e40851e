package org.chorus.content.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.content.Entities;
import org.chorus.events.Events;
import org.chorus.events.content.CommentCreated;
import org.chorus.events.content.CommentDeleted;
import org.chorus.events.content.ContentReported;
import org.chorus.events.content.MentionCreated;
import org.chorus.events.content.PostCreated;
import org.chorus.events.content.PostDeleted;
import org.chorus.events.content.PostUpdated;
import org.chorus.events.content.ReactionAdded;
import org.chorus.outbox.Outbox;

/**
 * Every event content publishes, written to the outbox in the caller's transaction (so an event exists exactly
 * when its change does). Keys as the contracts fix them: the author; the reacting user; the mentioned user; the
 * reported item's author.
 */
@ApplicationScoped
public class ContentEvents {

    private final Outbox outbox;

    ContentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void postCreated(UUID id, UUID author, String visibility, String language, String text, Entities entities, Instant at) {
        outbox.publish(Events.POST_CREATED, author, new PostCreated(id, author, visibility, language, text,
                tags(entities), mentioned(entities), at));
    }

    void postUpdated(UUID id, UUID author, String visibility, String language, String text, int version,
                     Entities entities, Instant at) {
        outbox.publish(Events.POST_UPDATED, author, new PostUpdated(id, author, visibility, language, text, version,
                tags(entities), mentioned(entities), at));
    }

    void postDeleted(UUID id, UUID author, Instant at) {
        outbox.publish(Events.POST_DELETED, author, new PostDeleted(id, author, at));
    }

    void commentCreated(UUID id, UUID postId, UUID postAuthor, UUID author, UUID parentId, UUID parentAuthor, String text,
                        Instant at) {
        outbox.publish(Events.COMMENT_CREATED, author,
                new CommentCreated(id, postId, postAuthor, author, parentId, parentAuthor, text, at));
    }

    void commentDeleted(UUID id, UUID postId, UUID author, UUID deletedBy, Instant at) {
        outbox.publish(Events.COMMENT_DELETED, author, new CommentDeleted(id, postId, author, deletedBy, at));
    }

    void reactionAdded(String kind, UUID targetId, UUID postId, UUID targetAuthor, UUID user, String reaction, Instant at) {
        outbox.publish(Events.REACTION_ADDED, user,
                new ReactionAdded(kind, targetId, postId, targetAuthor, user, reaction, at));
    }

    void mentionCreated(UUID postId, UUID commentId, UUID author, UUID mentioned, Instant at) {
        outbox.publish(Events.MENTION_CREATED, mentioned, new MentionCreated(postId, commentId, author, mentioned, at));
    }

    void contentReported(UUID id, String kind, UUID targetId, UUID targetAuthor, UUID reporter, String reason,
                         String comment, String snapshot, Instant at) {
        outbox.publish(Events.CONTENT_REPORTED, targetAuthor,
                new ContentReported(id, kind, targetId, targetAuthor, reporter, reason, comment, snapshot, at));
    }

    private static List<String> tags(Entities entities) {
        return entities.hashtags().stream().map(Entities.Hashtag::tag).distinct().toList();
    }

    private static List<UUID> mentioned(Entities entities) {
        return entities.mentions().stream().map(Entities.Mention::userId).distinct().toList();
    }
}
