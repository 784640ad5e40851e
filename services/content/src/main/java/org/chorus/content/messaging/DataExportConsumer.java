package org.chorus.content.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.content.service.ContentExportPart;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Answers admin's data-export-requested with content's part, once per request. */
@ApplicationScoped
class DataExportConsumer {

    private final Inbox inbox;
    private final ContentExportPart part;

    DataExportConsumer(Inbox inbox, ContentExportPart part) {
        this.inbox = inbox;
        this.part = part;
    }

    @Incoming(Topics.DATA_EXPORT_REQUESTED)
    @Blocking
    void requested(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.DATA_EXPORT_REQUESTED, record, part::requested);
    }
}
