package org.chorus.login.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.login.service.LoginExportPart;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Answers admin's data-export-requested with login's part, once per request whatever Kafka redelivers. */
@ApplicationScoped
class DataExportConsumer {

    private static final String CONSUMER = "login";

    private final Inbox inbox;
    private final LoginExportPart part;

    DataExportConsumer(Inbox inbox, LoginExportPart part) {
        this.inbox = inbox;
        this.part = part;
    }

    @Incoming(Topics.DATA_EXPORT_REQUESTED)
    @Blocking
    void requested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.DATA_EXPORT_REQUESTED, record, part::requested);
    }
}
