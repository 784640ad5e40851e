package org.chorus.notifications.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.notifications.MailKind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Records that an e-mail is to be sent. Called from an event handler inside the inbox's
 * transaction: the delivery row commits together with the handled-event id, and the mail itself
 * is sent later by {@link DeliverySender} — never on the Kafka consumer's thread.
 */
@ApplicationScoped
public class DeliveryQueue {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<DeliveryQueued> queued;

    DeliveryQueue(EntityManager entityManager, ObjectMapper json, Event<DeliveryQueued> queued) {
        this.entityManager = entityManager;
        this.json = json;
        this.queued = queued;
    }

    /**
     * Queues one e-mail for the event; a second call for the same event id is a no-op (the
     * inbox already prevents it; the unique event_id is the last line of defence).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(String eventId, MailKind kind, String recipient, Object data) {
        queue(eventId, kind, null, recipient, data);
    }

    /** As above, for a known member: the delivery is erased with the member's other data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(String eventId, MailKind kind, UUID userId, String recipient, Object data) {
        int inserted = entityManager
                .createNativeQuery("""
                        insert into {h-schema}delivery (id, event_id, kind, user_id, recipient, data)
                        values (:id, :eventId, :kind, :userId, :recipient, cast(:data as jsonb))
                        on conflict (event_id) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("userId", userId)
                .setParameter("eventId", eventId)
                .setParameter("kind", kind.name())
                .setParameter("recipient", recipient)
                .setParameter("data", toJson(data))
                .executeUpdate();
        if (inserted == 1) {
            queued.fire(new DeliveryQueued(eventId));
        } else {
            Log.debugf("delivery for event %s already queued", eventId);
        }
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot store the data of " + data.getClass().getSimpleName(), e);
        }
    }

    /** The member's deliveries (by id, or sent to their last known address) leave the log. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId, String email) {
        entityManager
                .createNativeQuery("""
                        delete from {h-schema}delivery where user_id = :u or (:email <> '' and lower(recipient) = lower(:email))""")
                .setParameter("u", userId)
                .setParameter("email", email == null ? "" : email)
                .executeUpdate();
    }

    /** Fired inside the queuing transaction; observed after it committed to wake the sender. */
    public record DeliveryQueued(String eventId) {}
}
