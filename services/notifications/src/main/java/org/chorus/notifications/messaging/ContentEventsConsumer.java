package org.chorus.notifications.messaging;

import static org.chorus.notifications.messaging.NotificationEventsConsumer.CONSUMER;
import static org.chorus.notifications.messaging.NotificationEventsConsumer.required;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.notifications.service.InAppNotifier;
import org.chorus.notifications.service.NotificationStore;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** content's events: comments, replies, reactions and mentions notify; deleted posts and comments take their notifications away. */
@ApplicationScoped
class ContentEventsConsumer {

    private final Inbox inbox;
    private final InAppNotifier notifier;
    private final NotificationStore store;

    ContentEventsConsumer(Inbox inbox, InAppNotifier notifier, NotificationStore store) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.store = store;
    }

    @Incoming(Topics.COMMENT_CREATED)
    @Blocking
    void commentCreated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.COMMENT_CREATED, record, e -> {
            required(e.commentId());
            required(e.postId());
            required(e.authorId());
            notifier.commentCreated(e);
        });
    }

    @Incoming(Topics.COMMENT_DELETED)
    @Blocking
    void commentDeleted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.COMMENT_DELETED, record, e -> {
            required(e.commentId());
            store.removeAboutComment(e.commentId());
        });
    }

    @Incoming(Topics.POST_DELETED)
    @Blocking
    void postDeleted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.POST_DELETED, record, e -> {
            required(e.postId());
            store.removeAboutPost(e.postId());
        });
    }

    @Incoming(Topics.REACTION_ADDED)
    @Blocking
    void reactionAdded(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.REACTION_ADDED, record, e -> {
            required(e.targetId());
            required(e.targetAuthorId());
            required(e.userId());
            required(e.reaction());
            notifier.reactionAdded(e);
        });
    }

    @Incoming(Topics.MENTION_CREATED)
    @Blocking
    void mentionCreated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.MENTION_CREATED, record, e -> {
            required(e.postId());
            required(e.authorId());
            required(e.mentionedUserId());
            notifier.mentionCreated(e);
        });
    }
}
