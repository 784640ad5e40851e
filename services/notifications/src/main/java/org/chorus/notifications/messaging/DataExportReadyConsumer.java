package org.chorus.notifications.messaging;

import static org.chorus.notifications.messaging.NotificationEventsConsumer.CONSUMER;
import static org.chorus.notifications.messaging.NotificationEventsConsumer.eventId;
import static org.chorus.notifications.messaging.NotificationEventsConsumer.required;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.notifications.service.PrivacyMails;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** admin's data-export-ready (private): mails the user the one-time download link of their export. */
@ApplicationScoped
class DataExportReadyConsumer {

    private final Inbox inbox;
    private final PrivacyMails mails;

    DataExportReadyConsumer(Inbox inbox, PrivacyMails mails) {
        this.inbox = inbox;
        this.mails = mails;
    }

    @Incoming(Topics.DATA_EXPORT_READY)
    @Blocking
    void ready(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.DATA_EXPORT_READY, record, e -> {
            required(e.userId());
            required(e.downloadLink());
            required(e.expiresAt());
            mails.exportReady(eventId(record), e);
        });
    }
}
