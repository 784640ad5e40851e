package org.chorus.users.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class PresenceResourceTest {

    @Inject
    RedisDataSource redis;

    private static void beat(TestUser user, String device) {
        user.request().contentType(ContentType.JSON).body(Map.of("deviceId", device)).post("/api/users/me/presence")
                .then().statusCode(204);
    }

    @Test
    void aHeartbeatMakesMeOnlineForMyFriendsOnly() {
        TestUser me = TestUsers.existing();
        TestUser online = TestUsers.existing();
        TestUser offline = TestUsers.existing();
        Friends.befriend(me, online);
        Friends.befriend(me, offline);
        beat(online, "phone");

        me.request().get("/api/friends/presence").then().statusCode(200)
                .body("items.userId", containsInAnyOrder(online.id().toString(), offline.id().toString()))
                .body("items.find { it.userId == '" + online.id() + "' }.online", equalTo(true))
                .body("items.find { it.userId == '" + online.id() + "' }.lastSeenAt", notNullValue())
                .body("items.find { it.userId == '" + offline.id() + "' }.online", equalTo(false));
        // a stranger's presence is not mine to see
        TestUsers.existing().request().get("/api/friends/presence").then().statusCode(200).body("items", empty());
    }

    @Test
    void friendsPresenceIsCursorPaginatedAndEachPageIsComplete() {
        TestUser me = TestUsers.existing();
        java.util.Set<String> friends = new java.util.TreeSet<>();
        for (int i = 0; i < 3; i++) {
            TestUser friend = TestUsers.existing();
            Friends.befriend(me, friend);
            beat(friend, "phone");
            friends.add(friend.id().toString());
        }
        var first = me.request().queryParam("limit", 2).get("/api/friends/presence").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("items.online", org.hamcrest.Matchers.everyItem(equalTo(true)))
                .extract().jsonPath();
        String cursor = first.getString("nextCursor");
        var second = me.request().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/friends/presence")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", org.hamcrest.Matchers.nullValue())
                .extract().jsonPath();
        java.util.List<String> walked = new java.util.ArrayList<>(first.getList("items.userId"));
        walked.addAll(second.getList("items.userId"));
        assertEquals(new java.util.ArrayList<>(friends), walked, "every friend once, in id order");
        me.request().queryParam("limit", 101).get("/api/friends/presence").then().statusCode(400)
                .contentType("application/problem+json");
        me.request().queryParam("cursor", "garbage").get("/api/friends/presence").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theKeyIsShortLivedSoACrashedClientGoesOfflineByExpiryAndNothingIsKeptPerDevice() {
        TestUser me = TestUsers.existing();
        beat(me, "laptop-1");
        long userTtl = redis.key().ttl("users:online:" + me.id());
        assertTrue(userTtl > 0 && userTtl <= 60, "online key expires within 60 s, was " + userTtl);
        assertEquals(0, redis.key().keys("users:presence:" + me.id() + ":*").size(), "no write-only device keys");
    }

    @Test
    void whenTheKeyExpiresTheFriendIsOffline() {
        TestUser me = TestUsers.existing();
        TestUser friend = TestUsers.existing();
        Friends.befriend(me, friend);
        beat(friend, "tab");
        // what expiry does after 60 s without heartbeats, done at once
        redis.key().del("users:online:" + friend.id(), "users:presence:" + friend.id() + ":tab");
        me.request().get("/api/friends/presence").then().statusCode(200)
                .body("items.find { it.userId == '" + friend.id() + "' }.online", equalTo(false));
    }

    @Test
    void badHeartbeatsAre400() {
        TestUser me = TestUsers.existing();
        me.request().contentType(ContentType.JSON).body(Map.of("deviceId", "")).post("/api/users/me/presence")
                .then().statusCode(400).contentType("application/problem+json");
        me.request().contentType(ContentType.JSON).body(Map.of("deviceId", "a:b*c")).post("/api/users/me/presence")
                .then().statusCode(400);
        me.request().contentType(ContentType.JSON).body(Map.of("deviceId", "x".repeat(65)))
                .post("/api/users/me/presence").then().statusCode(400);
        me.request().contentType(ContentType.JSON).body(Map.of("deviceId", "ok", "userId", "someone-else"))
                .post("/api/users/me/presence").then().statusCode(400);
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Map.of("deviceId", "x"))
                .post("/api/users/me/presence").then().statusCode(401);
    }
}
