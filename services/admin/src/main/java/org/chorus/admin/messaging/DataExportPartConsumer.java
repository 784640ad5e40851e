package org.chorus.admin.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.service.DataExportAssembly;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * The services' parts of data exports (consumer {@code admin}); each chunk counts once (the inbox), a malformed one
 * goes to {@code data-export-part.dlq.admin}.
 */
@ApplicationScoped
class DataExportPartConsumer {

    static final String CONSUMER = "admin";

    private final Inbox inbox;
    private final DataExportAssembly assembly;

    DataExportPartConsumer(Inbox inbox, DataExportAssembly assembly) {
        this.inbox = inbox;
        this.assembly = assembly;
    }

    @Incoming(Topics.DATA_EXPORT_PART)
    @Blocking
    void part(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.DATA_EXPORT_PART, record, assembly::receive);
    }
}
