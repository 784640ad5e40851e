package org.chorus.users.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.chorus.events.Events;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BlockResourceTest {

    @Test
    void blockingHidesUsFromEachOtherAndPublishesUserBlocked() {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);

        them.request().get("/api/users/" + me.id()).then().statusCode(404).contentType("application/problem+json");
        me.request().get("/api/users/" + them.id()).then().statusCode(404);
        me.request()
                .get("/api/users/me/blocks")
                .then()
                .statusCode(200)
                .body("items.id", contains(them.id().toString()));
        TestEvents.await(
                Events.USER_BLOCKED.topic(),
                r -> r.key().equals(me.id().toString())
                        && r.value().contains(them.id().toString()),
                Duration.ofSeconds(15));
    }

    @Test
    void blockingEndsTheFriendshipAndPendingRequestsAndBlocksNewOnes() {
        TestUser me = TestUsers.existing();
        TestUser friend = TestUsers.existing();
        Friends.befriend(me, friend);
        TestUser pending = TestUsers.existing();
        String request = Friends.request(pending, me);

        me.request().put("/api/users/me/blocks/" + friend.id()).then().statusCode(204);
        me.request().put("/api/users/me/blocks/" + pending.id()).then().statusCode(204);

        me.request().get("/api/friends").then().body("items", empty());
        friend.request().get("/api/friends").then().body("items", empty());
        me.request().get("/api/friends/requests/incoming").then().body("items", empty());
        me.request().post("/api/friends/requests/" + request + "/accept").then().statusCode(404);
        // the blocked user's new request is answered as if I did not exist
        friend.request()
                .contentType(ContentType.JSON)
                .body(Map.of("toUserId", me.id().toString()))
                .post("/api/friends/requests")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        me.request()
                .contentType(ContentType.JSON)
                .body(Map.of("toUserId", friend.id().toString()))
                .post("/api/friends/requests")
                .then()
                .statusCode(404);
        TestEvents.await(
                Events.FRIENDSHIP_REMOVED.topic(),
                r -> r.key().equals(me.id().toString())
                        && r.value().contains(friend.id().toString()),
                Duration.ofSeconds(15));
    }

    @Test
    void unblockingShowsThemAgainAndIsIdempotentlyNotFoundAfterwards() {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        me.request().delete("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        them.request().get("/api/users/" + me.id()).then().statusCode(200);
        me.request()
                .delete("/api/users/me/blocks/" + them.id())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        TestEvents.await(
                Events.USER_UNBLOCKED.topic(),
                r -> r.key().equals(me.id().toString())
                        && r.value().contains(them.id().toString()),
                Duration.ofSeconds(15));
    }

    @Test
    void aBlockedUserCannotBlockBackOrMuteAndLearnsNothing() {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        // to them I do not exist: same answer as for an unknown id
        them.request().put("/api/users/me/blocks/" + me.id()).then().statusCode(404);
        them.request().put("/api/users/me/blocks/" + UUID.randomUUID()).then().statusCode(404);
        them.request().put("/api/users/me/mutes/" + me.id()).then().statusCode(404);
        // and they cannot lift my block
        them.request().delete("/api/users/me/blocks/" + me.id()).then().statusCode(404);
        them.request().get("/api/users/" + me.id()).then().statusCode(404);
    }

    @Test
    void blockingYourselfIs400AndMalformedIdsAre404() {
        TestUser me = TestUsers.existing();
        me.request()
                .put("/api/users/me/blocks/" + me.id())
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        me.request().put("/api/users/me/mutes/" + me.id()).then().statusCode(400);
        me.request().put("/api/users/me/blocks/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void mutingIsPrivateToTheMuterAndPublishesEvents() {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        me.request().put("/api/users/me/mutes/" + them.id()).then().statusCode(204);
        me.request()
                .get("/api/users/me/mutes")
                .then()
                .statusCode(200)
                .body("items.id", contains(them.id().toString()));
        // a mute is not a block: both still see each other's profile, and they cannot see my mutes
        them.request().get("/api/users/" + me.id()).then().statusCode(200);
        me.request().get("/api/users/" + them.id()).then().statusCode(200);
        them.request().get("/api/users/me/mutes").then().body("items", empty());
        TestEvents.await(
                Events.USER_MUTED.topic(),
                r -> r.key().equals(me.id().toString())
                        && r.value().contains(them.id().toString()),
                Duration.ofSeconds(15));

        me.request().delete("/api/users/me/mutes/" + them.id()).then().statusCode(204);
        me.request().get("/api/users/me/mutes").then().body("items", empty());
        me.request().delete("/api/users/me/mutes/" + them.id()).then().statusCode(404);
        TestEvents.await(
                Events.USER_UNMUTED.topic(),
                r -> r.key().equals(me.id().toString())
                        && r.value().contains(them.id().toString()),
                Duration.ofSeconds(15));
    }

    @Test
    void myBlockListIsMineAlone() {
        TestUser me = TestUsers.existing();
        TestUser them = TestUsers.existing();
        TestUser other = TestUsers.existing();
        me.request().put("/api/users/me/blocks/" + them.id()).then().statusCode(204);
        other.request().get("/api/users/me/blocks").then().statusCode(200).body("items", empty());
        other.request()
                .get("/api/users/me/blocks")
                .then()
                .body("items.id", not(hasItem(them.id().toString())));
    }
}
