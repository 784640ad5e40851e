package org.chorus.notifications.messaging;

import static org.chorus.notifications.messaging.NotificationEventsConsumer.CONSUMER;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.notifications.service.NotificationsExportPart;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Answers admin's data-export-requested with notifications' part, once per request. */
@ApplicationScoped
class DataExportRequestConsumer {

    private final Inbox inbox;
    private final NotificationsExportPart part;

    DataExportRequestConsumer(Inbox inbox, NotificationsExportPart part) {
        this.inbox = inbox;
        this.part = part;
    }

    @Incoming(Topics.DATA_EXPORT_REQUESTED)
    @Blocking
    void requested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.DATA_EXPORT_REQUESTED, record, part::requested);
    }
}
