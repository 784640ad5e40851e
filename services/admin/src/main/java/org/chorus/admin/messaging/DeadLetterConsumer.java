package org.chorus.admin.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.chorus.admin.service.DeadLetterGauges;
import org.chorus.admin.service.DeadLetters;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads every dead-letter topic ({@code <topic>.dlq.<consumer>}, a topic pattern, so a new service's appear by
 * themselves) into the dead-letter table. Not through the inbox: a dead letter need not be a CloudEvent — that
 * may be why it is one; its partition and offset identify it instead.
 */
@ApplicationScoped
class DeadLetterConsumer {

    static final String CHANNEL = "dead-letters";

    private final DeadLetters deadLetters;
    private final DeadLetterGauges gauges;

    DeadLetterConsumer(DeadLetters deadLetters, DeadLetterGauges gauges) {
        this.deadLetters = deadLetters;
        this.gauges = gauges;
    }

    @Incoming(CHANNEL)
    @Blocking
    void deadLetter(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        Instant at = record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
        QuarkusTransaction.requiringNew().run(() -> deadLetters.record(new DeadLetters.Received(record.topic(),
                record.partition(), record.offset(), record.key(), record.value(), headers, at)));
        gauges.refresh();
    }
}
