package org.chorus.users.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class GraphResourceTest {

    @Test
    void mutualFriendsAreTheFriendsWeShare() {
        TestUser me = TestUsers.existing();
        TestUser other = TestUsers.existing();
        TestUser shared1 = TestUsers.existing();
        TestUser shared2 = TestUsers.existing();
        TestUser onlyMine = TestUsers.existing();
        Friends.befriend(me, shared1);
        Friends.befriend(me, shared2);
        Friends.befriend(me, onlyMine);
        Friends.befriend(other, shared1);
        Friends.befriend(other, shared2);

        me.request().get("/api/friends/mutual/" + other.id()).then().statusCode(200)
                .body("items.id", containsInAnyOrder(shared1.id().toString(), shared2.id().toString()));
        me.request().queryParam("limit", 1).get("/api/friends/mutual/" + other.id()).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void mutualFriendsWithSomeoneUnknownOrBlockedIs404() {
        TestUser me = TestUsers.existing();
        TestUser blocker = TestUsers.existing();
        blocker.request().put("/api/users/me/blocks/" + me.id()).then().statusCode(204);
        me.request().get("/api/friends/mutual/" + blocker.id()).then().statusCode(404)
                .contentType("application/problem+json");
        me.request().get("/api/friends/mutual/" + UUID.randomUUID()).then().statusCode(404);
        me.request().get("/api/friends/mutual/xyz").then().statusCode(404);
    }

    @Test
    void suggestionsAreFriendsOfFriendsRankedByMutualCount() {
        TestUser me = TestUsers.existing();
        TestUser f1 = TestUsers.existing();
        TestUser f2 = TestUsers.existing();
        TestUser two = TestUsers.existing();   // friend of f1 and f2: 2 mutual
        TestUser one = TestUsers.existing();   // friend of f1 only: 1 mutual
        Friends.befriend(me, f1);
        Friends.befriend(me, f2);
        Friends.befriend(two, f1);
        Friends.befriend(two, f2);
        Friends.befriend(one, f1);

        me.request().get("/api/friends/suggestions").then().statusCode(200)
                .body("items.id", contains(two.id().toString(), one.id().toString()))
                .body("items.mutualFriends", contains(2, 1));
    }

    @Test
    void suggestionsLeaveOutFriendsPendingRequestsBlocksAndMutes() {
        TestUser me = TestUsers.existing();
        TestUser hub = TestUsers.existing();
        Friends.befriend(me, hub);
        TestUser alreadyFriend = TestUsers.existing();
        TestUser requested = TestUsers.existing();
        TestUser requester = TestUsers.existing();
        TestUser blockedByMe = TestUsers.existing();
        TestUser blockingMe = TestUsers.existing();
        TestUser muted = TestUsers.existing();
        TestUser fine = TestUsers.existing();
        for (TestUser u : new TestUser[] {alreadyFriend, requested, requester, blockedByMe, blockingMe, muted, fine}) {
            Friends.befriend(u, hub);
        }
        Friends.befriend(me, alreadyFriend);
        Friends.request(me, requested);
        Friends.request(requester, me);
        me.request().put("/api/users/me/blocks/" + blockedByMe.id()).then().statusCode(204);
        blockingMe.request().put("/api/users/me/blocks/" + me.id()).then().statusCode(204);
        me.request().put("/api/users/me/mutes/" + muted.id()).then().statusCode(204);

        me.request().get("/api/friends/suggestions").then().statusCode(200)
                .body("items.id", contains(fine.id().toString()));
        // the one who blocked me does not get me suggested either
        blockingMe.request().get("/api/friends/suggestions").then().statusCode(200)
                .body("items.id", not(hasItem(me.id().toString())));
    }

    @Test
    void withoutFriendsThereAreNoSuggestions() {
        TestUser loner = TestUsers.existing();
        loner.request().get("/api/friends/suggestions").then().statusCode(200).body("items", empty());
        loner.request().queryParam("limit", 0).get("/api/friends/suggestions").then().statusCode(400);
    }
}
