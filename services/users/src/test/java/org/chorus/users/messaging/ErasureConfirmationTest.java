package org.chorus.users.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.login.UserCreated;
import org.chorus.events.login.UserDeleted;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.Poll;
import org.chorus.testing.TestEvents;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class ErasureConfirmationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void erasingAProfileIsConfirmedWithAnErasureEvent() {
        UUID id = UUID.randomUUID();
        String username = TestUsers.randomUsername();
        TestEvents.publish(
                Events.USER_CREATED,
                id.toString(),
                new UserCreated(id, username, username + "@example.com", Instant.now()));
        TestUser viewer = TestUsers.existing();
        Poll.until("profile from user-created", () -> status(viewer, id) == 200);

        TestEvents.publish(Events.USER_DELETED, id.toString(), new UserDeleted(id, Instant.now()));

        ConsumerRecord<String, String> confirmed = TestEvents.await(
                Events.ERASURE_CONFIRMED.topic(), r -> id.toString().equals(r.key()), WAIT);
        assertEquals(Events.ERASURE_CONFIRMED.type(), TestEvents.header(confirmed, "ce_type"));
        assertTrue(confirmed.value().matches("(?s).*\"service\"\\s*:\\s*\"users\".*"), confirmed.value());
        assertTrue(confirmed.value().matches("(?s).*\"userId\"\\s*:\\s*\"" + id + "\".*"), confirmed.value());
        // the confirmation is only sent once the profile is gone (same transaction)
        assertEquals(404, status(viewer, id));
    }

    private static int status(TestUser viewer, UUID id) {
        return viewer.request().get("/api/users/" + id).statusCode();
    }
}
