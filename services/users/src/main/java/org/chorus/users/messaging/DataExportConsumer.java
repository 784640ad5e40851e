package org.chorus.users.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.chorus.users.service.UsersExportPart;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Answers admin's data-export-requested with users' part, once per request. */
@ApplicationScoped
class DataExportConsumer {

    private final Inbox inbox;
    private final UsersExportPart part;

    DataExportConsumer(Inbox inbox, UsersExportPart part) {
        this.inbox = inbox;
        this.part = part;
    }

    @Incoming(Topics.DATA_EXPORT_REQUESTED)
    @Blocking
    void requested(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.DATA_EXPORT_REQUESTED, record, part::requested);
    }
}
