package org.chorus.content.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chorus.content.support.Db;
import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.events.Events;
import org.chorus.events.admin.ContentHidden;
import org.chorus.events.admin.ContentRestored;
import org.chorus.events.admin.UserReinstated;
import org.chorus.events.admin.UserSuspended;
import org.chorus.events.login.UserDeleted;
import org.chorus.events.login.UserUpdated;
import org.chorus.events.users.FriendshipCreated;
import org.chorus.events.users.FriendshipRemoved;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.Poll;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Content's copies from other services' events: idempotent, later decision wins, erasure complete. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class IncomingEventsTest {

    private static final String JSON_CT = "application/json";

    @Test
    void theSameEventTwiceHasOneEffect() {
        TestUser a = TestUsers.signedUp();
        TestUser b = TestUsers.signedUp();
        Instant t = Instant.now();
        String ceId = UUID.randomUUID().toString();
        String json = "{\"userId\":\"" + a.id() + "\",\"friendId\":\"" + b.id() + "\",\"createdAt\":\"" + t + "\"}";
        TestEvents.publish(
                Events.FRIENDSHIP_CREATED.topic(), a.id().toString(), ceId, Events.FRIENDSHIP_CREATED.type(), json);
        Poll.until(
                "friendship",
                () -> Db.count("select count(*) from content.friendship where user_id = ?1 and active", a.id()) == 1);
        // ended later, then the same event (same ce_id) is delivered again — here carrying a time after the
        // removal, so only the inbox (not the later-decision rule) can keep it from re-creating the friendship
        TestUsers.unfriend(a, b);
        String again = "{\"userId\":\"" + a.id() + "\",\"friendId\":\"" + b.id() + "\",\"createdAt\":\""
                + Instant.now().plusSeconds(60) + "\"}";
        TestEvents.publish(
                Events.FRIENDSHIP_CREATED.topic(), a.id().toString(), ceId, Events.FRIENDSHIP_CREATED.type(), again);
        TestUsers.befriend(
                TestUsers.signedUp(), a); // a later event on a's key and topic: consumed after the redelivery
        Poll.until(
                "handled",
                () -> Db.count(
                                "select count(*) from content.handled_event where consumer = 'content' and event_id = ?1",
                                ceId)
                        == 1);
        assertEquals(
                0,
                Db.count(
                        "select count(*) from content.friendship where user_id = ?1 and friend_id = ?2 and active",
                        a.id(),
                        b.id()));
    }

    @Test
    void aFriendshipEndedBeforeItsStartArrivesStaysEnded() {
        TestUser a = TestUsers.signedUp();
        TestUser b = TestUsers.signedUp();
        Instant started = Instant.now().minusSeconds(60);
        TestEvents.publish(
                Events.FRIENDSHIP_REMOVED, a.id().toString(), new FriendshipRemoved(a.id(), b.id(), Instant.now()));
        Poll.until(
                "tombstone",
                () -> Db.count("select count(*) from content.friendship where user_id = ?1 and not active", a.id())
                        == 1);
        TestEvents.publish(
                Events.FRIENDSHIP_CREATED, b.id().toString(), new FriendshipCreated(b.id(), a.id(), started));
        TestUsers.block(b, TestUsers.signedUp()); // later event on b's key
        TestUsers.befriend(TestUsers.signedUp(), b);
        assertEquals(
                0,
                Db.count(
                        "select count(*) from content.friendship where user_id = ?1 and friend_id = ?2 and active",
                        a.id(),
                        b.id()));
    }

    @Test
    void aRenameChangesTheAuthorNameAndMentionsFollowTheNewName() {
        TestUser a = TestUsers.signedUp();
        String post = a.post("hello", "public");
        String renamed = TestUsers.randomUsername();
        TestEvents.publish(
                Events.USER_UPDATED,
                a.id().toString(),
                new UserUpdated(a.id(), renamed, renamed + "@example.com", null, true, Instant.now()));
        Poll.until(
                "rename",
                () -> Db.count("select count(*) from content.app_user where id = ?1 and username = ?2", a.id(), renamed)
                        == 1);
        given().get("/api/posts/" + post).then().body("author.username", equalTo(renamed));
        TestUser b = TestUsers.signedUp();
        b.json(Map.of("text", "hi @" + renamed))
                .post("/api/posts")
                .then()
                .statusCode(201)
                .body("entities.mentions.userId", contains(a.id().toString()));
    }

    @Test
    void aSuspendedUsersContentIsHiddenFromEveryoneElseUntilReinstated() {
        TestUser a = TestUsers.signedUp();
        TestUser b = TestUsers.signedUp();
        String post = a.post("soon suspended", "public");
        String comment = a.json(Map.of("text", "my comment"))
                .post("/api/posts/" + b.post("b's", "public") + "/comments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Instant at = Instant.now();
        TestEvents.publish(
                Events.USER_SUSPENDED,
                a.id().toString(),
                new UserSuspended(a.id(), "spam", null, UUID.randomUUID(), at));
        Poll.until("suspended", () -> given().get("/api/posts/" + post).statusCode() == 404);
        b.request().get("/api/comments/" + comment).then().statusCode(404);
        given().get("/api/feed/users/" + a.id()).then().statusCode(404);
        // an older reinstatement arriving late does not undo the newer suspension
        TestEvents.publish(
                Events.USER_REINSTATED,
                a.id().toString(),
                new UserReinstated(a.id(), UUID.randomUUID(), at.minusSeconds(5)));
        TestEvents.publish(
                Events.USER_REINSTATED,
                a.id().toString(),
                new UserReinstated(a.id(), UUID.randomUUID(), at.plusSeconds(1)));
        Poll.until("reinstated", () -> given().get("/api/posts/" + post).statusCode() == 200);
        b.request().get("/api/comments/" + comment).then().statusCode(200);
    }

    @Test
    void userDeletedErasesPostsCommentsReactionsVersionsAndRelations() {
        TestUser a = TestUsers.signedUp();
        TestUser b = TestUsers.signedUp();
        TestUsers.befriend(a, b);
        String post = a.post("to be erased", "public");
        a.json(Map.of("text", "edited")).patch("/api/posts/" + post).then().statusCode(200);
        b.json(Map.of("text", "b's comment on a's post"))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(201);
        String bPost = b.post("b stays", "public");
        a.json(Map.of("text", "a's comment"))
                .post("/api/posts/" + bPost + "/comments")
                .then()
                .statusCode(201);
        a.json(Map.of("reaction", "like"))
                .put("/api/posts/" + bPost + "/reactions/mine")
                .then()
                .statusCode(200);

        for (int i = 0; i < 2; i++) { // the second delivery (another event id) changes nothing
            TestEvents.publish(Events.USER_DELETED, a.id().toString(), new UserDeleted(a.id(), Instant.now()));
        }
        Poll.until(
                "erased",
                Duration.ofSeconds(20),
                () -> Db.count("select count(*) from content.erased_user where id = ?1", a.id()) == 1);
        assertEquals(0, Db.count("select count(*) from content.post where author_id = ?1", a.id()));
        assertEquals(0, Db.count("select count(*) from content.post_version where edited_by = ?1", a.id()));
        assertEquals(
                0,
                Db.count(
                        "select count(*) from content.comment where author_id = ?1 or post_id = cast(?2 as uuid)",
                        a.id(),
                        post));
        assertEquals(0, Db.count("select count(*) from content.reaction where user_id = ?1", a.id()));
        assertEquals(
                0, Db.count("select count(*) from content.friendship where user_id = ?1 or friend_id = ?1", a.id()));
        assertEquals(0, Db.count("select count(*) from content.app_user where id = ?1", a.id()));
        given().get("/api/posts/" + post).then().statusCode(404);
        given().get("/api/posts/" + bPost)
                .then()
                .statusCode(200)
                .body("counts.comments", equalTo(0))
                .body("counts.reactions.like", equalTo(0));
        // a late user-created does not bring the account back
        TestEvents.publish(
                Events.USER_CREATED,
                a.id().toString(),
                new org.chorus.events.login.UserCreated(a.id(), a.username(), "x@example.com", Instant.now()));
        TestUsers.signedUp();
        a.json(Map.of("text", "I am back?")).post("/api/posts").then().statusCode(403);
        assertEquals(0, Db.count("select count(*) from content.app_user where id = ?1", a.id()));
    }

    @Test
    void aHiddenPostOrCommentIsGoneForEveryoneButItsAuthorAndModeratorsUntilRestored() {
        TestUser a = TestUsers.signedUp();
        TestUser b = TestUsers.signedUp();
        TestUser mod = TestUsers.moderator();
        String post = a.post("to be hidden #hidme", "public");
        String other = b.post("b's post", "public");
        String comment = a.json(Map.of("text", "a's comment"))
                .post("/api/posts/" + other + "/comments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Instant at = Instant.now();
        TestEvents.publish(
                Events.CONTENT_HIDDEN,
                a.id().toString(),
                new ContentHidden(
                        "post", UUID.fromString(post), a.id(), "spam", UUID.randomUUID(), null, mod.id(), at));
        TestEvents.publish(
                Events.CONTENT_HIDDEN,
                a.id().toString(),
                new ContentHidden(
                        "comment", UUID.fromString(comment), a.id(), "spam", UUID.randomUUID(), null, mod.id(), at));
        Poll.until("hidden", () -> given().get("/api/comments/" + comment).statusCode() == 404);
        b.request().get("/api/posts/" + post).then().statusCode(404);
        given().get("/api/feed/public?limit=100")
                .then()
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(post)));
        a.request().get("/api/posts/" + post).then().statusCode(200).body("hidden", equalTo(true));
        a.request().get("/api/comments/" + comment).then().statusCode(200).body("hidden", equalTo(true));
        mod.request().get("/api/posts/" + post).then().statusCode(200).body("hidden", equalTo(true));
        given().get("/api/posts/" + other).then().body("counts.comments", equalTo(0));
        // an older restore arriving late changes nothing; a newer one shows it again
        TestEvents.publish(
                Events.CONTENT_RESTORED,
                a.id().toString(),
                new ContentRestored("post", UUID.fromString(post), a.id(), null, at.minusSeconds(10)));
        TestEvents.publish(
                Events.CONTENT_RESTORED,
                a.id().toString(),
                new ContentRestored("comment", UUID.fromString(comment), a.id(), null, at.plusSeconds(1)));
        Poll.until(
                "comment restored",
                () -> given().get("/api/comments/" + comment).statusCode() == 200);
        b.request().get("/api/posts/" + post).then().statusCode(404);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        TestEvents.publish(
                Events.USER_BLOCKED.topic(),
                key,
                UUID.randomUUID().toString(),
                Events.USER_BLOCKED.type(),
                "{not json");
        TestEvents.await(
                Events.USER_BLOCKED.deadLetterTopic("content"), r -> key.equals(r.key()), Duration.ofSeconds(30));
    }
}
