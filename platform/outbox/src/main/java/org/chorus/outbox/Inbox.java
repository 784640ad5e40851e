package org.chorus.outbox;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.chorus.events.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The consuming side of an event: each event has its effect once per consumer, however often
 * Kafka delivers it. The effect and the record that the event was handled commit in one
 * transaction. A failing effect is tried a bounded number of times; after that — or at once
 * for a record that can never be read — the exception goes back to the connector, whose
 * {@code dead-letter-queue} failure strategy sends the record to {@code <topic>.dlq.<consumer>}.
 *
 * <pre>{@code
 * @Incoming(Topics.USER_CREATED)
 * @Blocking
 * void on(ConsumerRecord<String, String> record) {
 *     inbox.handle("users", Events.USER_CREATED, record, profiles::create);
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final OutboxConfig config;

    Inbox(ObjectMapper json, EntityManager entityManager, OutboxConfig config) {
        this.json = json;
        this.entityManager = entityManager;
        this.config = config;
    }

    public <T> void handle(
            String consumer, EventType<T> type, ConsumerRecord<String, String> record, Consumer<T> effect) {
        String eventId = header(record, "ce_id");
        if (eventId == null) {
            throw new UnreadableEventException("record " + coordinates(record) + " is not a CloudEvent (no ce_id)");
        }
        String ceType = header(record, "ce_type");
        if (!type.type().equals(ceType)) {
            throw new UnreadableEventException(
                    "record " + coordinates(record) + " has type " + ceType + ", expected " + type.type());
        }
        T payload = read(type, record);
        for (int attempt = 1; ; attempt++) {
            try {
                boolean handled = QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstTime(consumer, eventId)) {
                        return false;
                    }
                    effect.accept(payload);
                    return true;
                });
                if (!handled) {
                    Log.debugf("%s: event %s already handled, skipped", consumer, eventId);
                }
                return;
            } catch (RuntimeException e) {
                if (attempt >= config.consumerAttempts()) {
                    Log.errorf(
                            e,
                            "%s: event %s (%s) failed %d times; sending it to the dead-letter topic",
                            consumer,
                            eventId,
                            type.topic(),
                            attempt);
                    throw e;
                }
                Log.warnf("%s: event %s failed (attempt %d): %s", consumer, eventId, attempt, e.getMessage());
                pause(attempt);
            }
        }
    }

    /** Inserts the handled-event row; false when another delivery of the same event got there first. */
    private boolean firstTime(String consumer, String eventId) {
        return entityManager
                        .createNativeQuery("""
                        insert into {h-schema}handled_event (consumer, event_id) values (:consumer, :eventId)
                        on conflict do nothing""")
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate()
                == 1;
    }

    private <T> T read(EventType<T> type, ConsumerRecord<String, String> record) {
        try {
            T payload = json.readValue(record.value(), type.payloadType());
            if (payload == null) {
                throw new UnreadableEventException("record " + coordinates(record) + " has no data");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("record " + coordinates(record) + " is not a valid "
                    + type.payloadType().getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }

    /** A record that no retry can fix: it goes to the dead-letter topic straight away. */
    public static class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message) {
            super(message);
        }
    }
}
