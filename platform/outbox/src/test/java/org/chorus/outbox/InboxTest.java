package org.chorus.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class InboxTest {

    @Inject
    Inbox inbox;

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String id = UUID.randomUUID().toString();
        AtomicInteger effects = new AtomicInteger();
        ConsumerRecord<String, String> record = record(id, "chorus.user-created.v1", userCreatedJson());

        inbox.handle("test", Events.USER_CREATED, record, created -> effects.incrementAndGet());
        inbox.handle("test", Events.USER_CREATED, record, created -> effects.incrementAndGet());

        assertEquals(1, effects.get());
    }

    @Test
    void anotherConsumerHandlesTheSameEventOnItsOwn() {
        String id = UUID.randomUUID().toString();
        AtomicInteger effects = new AtomicInteger();
        ConsumerRecord<String, String> record = record(id, "chorus.user-created.v1", userCreatedJson());

        inbox.handle("one", Events.USER_CREATED, record, created -> effects.incrementAndGet());
        inbox.handle("two", Events.USER_CREATED, record, created -> effects.incrementAndGet());

        assertEquals(2, effects.get());
    }

    @Test
    void aFailingEffectIsRetriedABoundedNumberOfTimesThenRethrownAndNotRecorded() {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        ConsumerRecord<String, String> record = record(id, "chorus.user-created.v1", userCreatedJson());

        assertThrows(
                IllegalStateException.class,
                () -> inbox.handle("test", Events.USER_CREATED, record, created -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("database says no");
                }));
        assertEquals(3, attempts.get());

        // the failed attempts rolled back their handled-event row: a later delivery still has its effect
        inbox.handle("test", Events.USER_CREATED, record, created -> attempts.incrementAndGet());
        assertEquals(4, attempts.get());
    }

    @Test
    void aTransientFailureSucceedsOnRetry() {
        AtomicInteger attempts = new AtomicInteger();
        ConsumerRecord<String, String> record =
                record(UUID.randomUUID().toString(), "chorus.user-created.v1", userCreatedJson());

        inbox.handle("test", Events.USER_CREATED, record, created -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("deadlock detected");
            }
        });

        assertEquals(2, attempts.get());
    }

    @Test
    void unreadableRecordsAreRejectedAtOnceWithoutEffect() {
        AtomicInteger effects = new AtomicInteger();
        assertThrows(
                Inbox.UnreadableEventException.class,
                () -> inbox.handle(
                        "test",
                        Events.USER_CREATED,
                        record(UUID.randomUUID().toString(), "chorus.user-created.v1", "not json"),
                        c -> effects.incrementAndGet()));
        assertThrows(
                Inbox.UnreadableEventException.class,
                () -> inbox.handle(
                        "test",
                        Events.USER_CREATED,
                        record(UUID.randomUUID().toString(), "chorus.user-deleted.v1", userCreatedJson()),
                        c -> effects.incrementAndGet()));
        assertThrows(
                Inbox.UnreadableEventException.class,
                () -> inbox.handle(
                        "test",
                        Events.USER_CREATED,
                        record(null, "chorus.user-created.v1", userCreatedJson()),
                        c -> effects.incrementAndGet()));
        assertEquals(0, effects.get());
    }

    private static String userCreatedJson() {
        return "{\"userId\":\"" + UUID.randomUUID()
                + "\",\"username\":\"ada\",\"email\":\"ada@example.org\",\"createdAt\":\"" + Instant.now() + "\"}";
    }

    private static ConsumerRecord<String, String> record(String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("user-created", 0, 0L, "key", value);
        if (id != null) {
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
