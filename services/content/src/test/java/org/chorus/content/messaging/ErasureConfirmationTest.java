package org.chorus.content.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.content.support.Db;
import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.events.Events;
import org.chorus.events.login.UserDeleted;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** user-deleted → content erases the member's content, then confirms with erasure-confirmed (service content). */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class ErasureConfirmationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void erasingAMemberIsConfirmedWithAnErasureEvent() {
        TestUser a = TestUsers.signedUp();
        String post = a.post("to be erased", "public");

        TestEvents.publish(Events.USER_DELETED, a.id().toString(), new UserDeleted(a.id(), Instant.now()));

        ConsumerRecord<String, String> confirmed = TestEvents.await(
                Events.ERASURE_CONFIRMED.topic(), r -> a.id().toString().equals(r.key()), WAIT);
        assertEquals(Events.ERASURE_CONFIRMED.type(), TestEvents.header(confirmed, "ce_type"));
        assertTrue(confirmed.value().matches("(?s).*\"service\"\\s*:\\s*\"content\".*"), confirmed.value());
        assertTrue(confirmed.value().contains(a.id().toString()), confirmed.value());
        // committed with the erasure: by the time the confirmation is readable, the content is gone
        assertEquals(0, Db.count("select count(*) from content.post where author_id = ?1", a.id()));
        assertEquals(1, Db.count("select count(*) from content.erased_user where id = ?1", a.id()));
        given().get("/api/posts/" + post).then().statusCode(404);
    }
}
