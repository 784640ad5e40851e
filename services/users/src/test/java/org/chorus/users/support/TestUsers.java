package org.chorus.users.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import org.chorus.events.Events;
import org.chorus.events.login.UserCreated;
import org.chorus.testing.Poll;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.chorus.users.service.ProfileService;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/** Users for tests: each test makes its own, with random names, so tests never share data. */
public final class TestUsers {

    private TestUsers() {}

    public record TestUser(UUID id, String username, String token) {
        public RequestSpecification request() {
            return given().auth().oauth2(token);
        }
    }

    public static String randomUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The real way in: login's user-created event, consumed by the service; waits until the profile exists. */
    public static TestUser signedUp() {
        UUID id = UUID.randomUUID();
        String username = randomUsername();
        TestEvents.publish(
                Events.USER_CREATED,
                id.toString(),
                new UserCreated(id, username, username + "@example.com", Instant.now()));
        TestUser user = new TestUser(id, username, TestJwt.token(id, username, "user"));
        Poll.until(
                "profile of " + username,
                () -> user.request().get("/api/users/me").statusCode() == 200);
        return user;
    }

    /**
     * A profile created directly through the service (what the consumer calls), for tests of the
     * graph that need many users and are not about the event path.
     */
    public static TestUser existing() {
        return existing(randomUsername());
    }

    public static TestUser existing(String username) {
        UUID id = UUID.randomUUID();
        ProfileService profiles = Arc.container().instance(ProfileService.class).get();
        QuarkusTransaction.requiringNew().run(() -> profiles.create(id, username, Instant.now()));
        return new TestUser(id, username, TestJwt.token(id, username, "user"));
    }
}
