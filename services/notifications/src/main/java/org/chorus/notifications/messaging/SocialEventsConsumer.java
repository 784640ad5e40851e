package org.chorus.notifications.messaging;

import static org.chorus.notifications.messaging.NotificationEventsConsumer.CONSUMER;
import static org.chorus.notifications.messaging.NotificationEventsConsumer.required;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.notifications.service.Directory;
import org.chorus.notifications.service.InAppNotifier;
import org.chorus.notifications.service.NotificationStore;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * users' events: friend requests and friendships become notifications; blocks and mutes are kept
 * as notifications' own copy (and take the blocked or muted person out of the lists at once).
 */
@ApplicationScoped
class SocialEventsConsumer {

    private final Inbox inbox;
    private final InAppNotifier notifier;
    private final Directory directory;
    private final NotificationStore store;

    SocialEventsConsumer(Inbox inbox, InAppNotifier notifier, Directory directory, NotificationStore store) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.directory = directory;
        this.store = store;
    }

    @Incoming(Topics.FRIEND_REQUEST_SENT)
    @Blocking
    void friendRequestSent(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.FRIEND_REQUEST_SENT, record, e -> {
            required(e.requestId());
            required(e.fromUserId());
            required(e.toUserId());
            notifier.friendRequestSent(e);
        });
    }

    @Incoming(Topics.FRIENDSHIP_CREATED)
    @Blocking
    void friendshipCreated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.FRIENDSHIP_CREATED, record, e -> {
            required(e.userId());
            required(e.friendId());
            notifier.friendshipCreated(e);
        });
    }

    /** A block hides both ways: neither hears from the other any more, and what they did leaves both lists. */
    @Incoming(Topics.USER_BLOCKED)
    @Blocking
    void userBlocked(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_BLOCKED, record, e -> {
            required(e.blockerId());
            required(e.blockedId());
            directory.relate(e.blockerId(), e.blockedId(), Directory.BLOCK);
            store.removeActor(e.blockerId(), e.blockedId());
            store.removeActor(e.blockedId(), e.blockerId());
        });
    }

    @Incoming(Topics.USER_UNBLOCKED)
    @Blocking
    void userUnblocked(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_UNBLOCKED, record, e -> {
            required(e.blockerId());
            required(e.blockedId());
            directory.unrelate(e.blockerId(), e.blockedId(), Directory.BLOCK);
        });
    }

    @Incoming(Topics.USER_MUTED)
    @Blocking
    void userMuted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_MUTED, record, e -> {
            required(e.muterId());
            required(e.mutedId());
            directory.relate(e.muterId(), e.mutedId(), Directory.MUTE);
            store.removeActor(e.muterId(), e.mutedId());
        });
    }

    @Incoming(Topics.USER_UNMUTED)
    @Blocking
    void userUnmuted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_UNMUTED, record, e -> {
            required(e.muterId());
            required(e.mutedId());
            directory.unrelate(e.muterId(), e.mutedId(), Directory.MUTE);
        });
    }
}
