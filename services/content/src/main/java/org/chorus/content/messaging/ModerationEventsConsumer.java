package org.chorus.content.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.content.service.Moderation;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Moderators' decisions on single posts and comments (admin). */
@ApplicationScoped
class ModerationEventsConsumer {

    private final Inbox inbox;
    private final Moderation moderation;

    ModerationEventsConsumer(Inbox inbox, Moderation moderation) {
        this.inbox = inbox;
        this.moderation = moderation;
    }

    @Incoming(Topics.CONTENT_HIDDEN)
    @Blocking
    void hidden(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.CONTENT_HIDDEN, record, e -> moderation.setHidden(
                Required.of(e.targetKind()), Required.of(e.targetId()), true, e.hiddenAt()));
    }

    @Incoming(Topics.CONTENT_RESTORED)
    @Blocking
    void restored(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.CONTENT_RESTORED, record, e -> moderation.setHidden(
                Required.of(e.targetKind()), Required.of(e.targetId()), false, e.restoredAt()));
    }
}
