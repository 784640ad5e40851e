package org.chorus.notifications.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.chorus.events.Events;
import org.chorus.events.login.UserCreated;
import org.chorus.events.users.FriendRequestSent;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Test people: an account notifications knows (user-created consumed), with a token of its own session. */
public final class People {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private People() {}

    public record Person(UUID id, String username, String email, String sid) {
        public String token() {
            return TestJwt.withSid(id, username, sid, "user");
        }

        public RequestSpecification api() {
            return RestAssured.given().auth().oauth2(token());
        }
    }

    /** A person without waiting for notifications to know them. */
    public static Person anonymous() {
        String name = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Person(
                UUID.randomUUID(),
                name,
                name + "@example.com",
                UUID.randomUUID().toString());
    }

    /** A person whose user-created notifications has consumed. */
    public static Person known(Store store) {
        Person p = anonymous();
        TestEvents.publish(
                Events.USER_CREATED,
                p.id().toString(),
                new UserCreated(p.id(), p.username(), p.email(), Instant.now()));
        await("member " + p.username()).atMost(WAIT).until(() -> store.member(p.id()));
        return p;
    }

    /** {@code from} asks {@code to} to be friends; returns the event id. */
    public static String friendRequest(Person from, Person to) {
        return TestEvents.publish(
                Events.FRIEND_REQUEST_SENT,
                to.id().toString(),
                new FriendRequestSent(UUID.randomUUID(), from.id(), to.id(), Instant.now()));
    }
}
