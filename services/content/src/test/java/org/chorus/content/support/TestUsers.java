package org.chorus.content.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.events.Events;
import org.chorus.events.login.UserCreated;
import org.chorus.events.users.FriendshipCreated;
import org.chorus.events.users.FriendshipRemoved;
import org.chorus.events.users.UserBlocked;
import org.chorus.events.users.UserMuted;
import org.chorus.events.users.UserUnblocked;
import org.chorus.testing.Poll;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Users and their relations for tests, made the real way: login's and users' events, consumed by the service
 * (each helper waits until content's copy shows the effect). Random names, so tests never share data.
 */
public final class TestUsers {

    private TestUsers() {}

    public record TestUser(UUID id, String username, String token) {
        public RequestSpecification request() {
            return given().auth().oauth2(token);
        }

        public RequestSpecification json(Object body) {
            return request().contentType(ContentType.JSON).body(body);
        }

        /** Posts and answers the new post's id. */
        public String post(String text, String visibility) {
            return json(Map.of("text", text, "visibility", visibility))
                    .post("/api/posts")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
    }

    public static String randomUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A user as login's user-created makes them known to content. */
    public static TestUser signedUp() {
        return signedUp(randomUsername());
    }

    public static TestUser signedUp(String username) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(
                Events.USER_CREATED,
                id.toString(),
                new UserCreated(id, username, username + "@example.com", Instant.now()));
        Poll.until(
                "user " + username + " in content's directory",
                () -> Db.count("select count(*) from content.app_user where id = ?1 and username = ?2", id, username)
                        == 1);
        return new TestUser(id, username, TestJwt.token(id, username, "user"));
    }

    public static TestUser moderator() {
        TestUser user = signedUp();
        return new TestUser(user.id(), user.username(), TestJwt.token(user.id(), user.username(), "user", "moderator"));
    }

    public static void befriend(TestUser a, TestUser b) {
        TestEvents.publish(
                Events.FRIENDSHIP_CREATED, b.id().toString(), new FriendshipCreated(b.id(), a.id(), Instant.now()));
        awaitRelation("friendship", "user_id", "friend_id", a, b, true);
    }

    public static void unfriend(TestUser a, TestUser b) {
        TestEvents.publish(
                Events.FRIENDSHIP_REMOVED, a.id().toString(), new FriendshipRemoved(a.id(), b.id(), Instant.now()));
        awaitRelation("friendship", "user_id", "friend_id", a, b, false);
    }

    public static void block(TestUser blocker, TestUser blocked) {
        TestEvents.publish(
                Events.USER_BLOCKED,
                blocker.id().toString(),
                new UserBlocked(blocker.id(), blocked.id(), Instant.now()));
        awaitRelation("user_block", "blocker_id", "blocked_id", blocker, blocked, true);
    }

    public static void unblock(TestUser blocker, TestUser blocked) {
        TestEvents.publish(
                Events.USER_UNBLOCKED,
                blocker.id().toString(),
                new UserUnblocked(blocker.id(), blocked.id(), Instant.now()));
        awaitRelation("user_block", "blocker_id", "blocked_id", blocker, blocked, false);
    }

    public static void mute(TestUser muter, TestUser muted) {
        TestEvents.publish(
                Events.USER_MUTED, muter.id().toString(), new UserMuted(muter.id(), muted.id(), Instant.now()));
        awaitRelation("user_mute", "muter_id", "muted_id", muter, muted, true);
    }

    private static void awaitRelation(String table, String from, String to, TestUser a, TestUser b, boolean active) {
        Poll.until(
                table + " " + a.username() + " → " + b.username() + " = " + active,
                () -> Db.count(
                                "select count(*) from content." + table + " where " + from + " = ?1 and " + to
                                        + " = ?2 and active = ?3",
                                a.id(),
                                b.id(),
                                active)
                        == 1);
    }
}
