package org.chorus.notifications.messaging;

import static org.chorus.notifications.messaging.NotificationEventsConsumer.CONSUMER;
import static org.chorus.notifications.messaging.NotificationEventsConsumer.required;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.notifications.service.Erasure;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** user-deleted: erase what notifications holds about the member. */
@ApplicationScoped
class AccountDeletionConsumer {

    private final Inbox inbox;
    private final Erasure erasure;

    AccountDeletionConsumer(Inbox inbox, Erasure erasure) {
        this.inbox = inbox;
        this.erasure = erasure;
    }

    @Incoming(Topics.USER_DELETED)
    @Blocking
    void userDeleted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_DELETED, record, e -> {
            required(e.userId());
            erasure.erase(e.userId());
        });
    }
}
