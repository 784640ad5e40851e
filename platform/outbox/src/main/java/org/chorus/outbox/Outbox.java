package org.chorus.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.chorus.events.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a service publishes an event: the event is written to the outbox table in the caller's
 * transaction, so it exists if and only if the change that caused it was committed. The
 * {@link OutboxRelay} takes it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Records an event in the current transaction (there must be one).
     *
     * @param aggregateId the record key; events with the same key are delivered in order
     * @return the event's id, its CloudEvents {@code id}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID publish(EventType<T> type, Object aggregateId, T payload) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = type.topic();
        event.key = aggregateId.toString();
        event.type = type.type();
        event.payload = serialise(payload);
        event.createdAt = Instant.now();
        event.persist();
        wakeRelayAfterCommit();
        return event.id;
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
    }

    /** Publishing right after commit keeps latency low; the relay's schedule is only the safety net. */
    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
