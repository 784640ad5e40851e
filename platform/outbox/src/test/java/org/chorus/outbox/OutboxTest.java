package org.chorus.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.login.UserCreated;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    void aCommittedEventReachesKafkaAsACloudEventKeyedByItsAggregate() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(
                        Events.USER_CREATED,
                        userId,
                        new UserCreated(userId, "ada", "ada@example.org", Instant.parse("2026-11-23T10:00:00Z"))));

        ConsumerRecord<String, String> record = TestEvents.await(
                "user-created", r -> eventId.toString().equals(TestEvents.header(r, "ce_id")), Duration.ofSeconds(30));

        assertEquals(userId.toString(), record.key());
        assertEquals("chorus.user-created.v1", TestEvents.header(record, "ce_type"));
        assertEquals("/chorus/outbox-test", TestEvents.header(record, "ce_source"));
        assertEquals(userId.toString(), TestEvents.header(record, "ce_subject"));
        assertEquals("1.0", TestEvents.header(record, "ce_specversion"));
        // jsonb keeps the content, not the spelling: compare as JSON
        assertEquals(
                json.readTree("{\"userId\":\"" + userId + "\",\"username\":\"ada\",\"email\":\"ada@example.org\","
                        + "\"createdAt\":\"2026-11-23T10:00:00Z\"}"),
                json.readTree(record.value()));
        awaitSent(eventId);
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        UUID userId = UUID.randomUUID();
        UUID[] eventId = new UUID[1];
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    eventId[0] = outbox.publish(
                            Events.USER_CREATED,
                            userId,
                            new UserCreated(userId, "bob", "b@example.org", Instant.now()));
                    throw new IllegalStateException("the change fails");
                }));
        assertNull(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.findById(eventId[0])));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        UUID userId = UUID.randomUUID();
        assertThrows(
                TransactionalException.class,
                () -> outbox.publish(
                        Events.USER_CREATED, userId, new UserCreated(userId, "eve", "e@example.org", Instant.now())));
    }

    @Test
    void aRowLockedByAnotherRelayIsSkippedNotSentTwice() throws Exception {
        UUID userId = UUID.randomUUID();
        // written directly, so the relay is not woken before we hold the lock
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("""
                insert into {h-schema}outbox_event (id, aggregatetype, aggregateid, type, payload, created_at)
                values (:id, 'user-created', :key, 'chorus.user-created.v1', cast(:payload as jsonb), now() - interval '1 hour')""")
                        .setParameter("id", eventId)
                        .setParameter("key", userId.toString())
                        .setParameter("payload", "{\"userId\":\"" + userId + "\"}")
                        .executeUpdate());

        int[] sentWhileLocked = {-1};
        Thread other = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            // this transaction plays a relay replica that has claimed the row
            entityManager
                    .createNativeQuery("select id from {h-schema}outbox_event where id = :id for update")
                    .setParameter("id", eventId)
                    .getResultList();
            sentWhileLocked[0] = relay.relayRound(); // another replica in the same moment
        }));
        other.start();
        other.join();

        assertEquals(0, sentWhileLocked[0], "the locked row was skipped");
        assertNull(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(eventId).sentAt));
        relay.poll();
        awaitSent(eventId);
    }

    private static void awaitSent(UUID eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            OutboxEvent event = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.findById(eventId));
            if (event != null && event.sentAt != null) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertNotNull(null, "event " + eventId + " was never marked sent");
    }
}
