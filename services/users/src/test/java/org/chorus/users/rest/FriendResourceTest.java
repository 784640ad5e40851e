package org.chorus.users.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class FriendResourceTest {

    private static io.restassured.response.Response send(TestUser from, Object toUserId) {
        return from.request()
                .contentType(ContentType.JSON)
                .body(Map.of("toUserId", toUserId.toString()))
                .post("/api/friends/requests");
    }

    @Test
    void sendingARequestListsItForBothSidesAndPublishesFriendRequestSent() {
        TestUser alice = TestUsers.existing();
        TestUser bob = TestUsers.existing();
        String id = send(alice, bob.id())
                .then()
                .statusCode(201)
                .body("fromUserId", equalTo(alice.id().toString()))
                .body("toUserId", equalTo(bob.id().toString()))
                .body("user.username", equalTo(bob.username()))
                .extract()
                .path("id");

        alice.request()
                .get("/api/friends/requests/outgoing")
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].user.id", equalTo(bob.id().toString()));
        bob.request()
                .get("/api/friends/requests/incoming")
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].user.id", equalTo(alice.id().toString()));
        alice.request().get("/api/friends/requests/incoming").then().body("items", empty());

        ConsumerRecord<String, String> event = TestEvents.await(
                Events.FRIEND_REQUEST_SENT.topic(), r -> r.value().contains(id), Duration.ofSeconds(15));
        assertEquals(bob.id().toString(), event.key());
        assertEquals(Events.FRIEND_REQUEST_SENT.type(), TestEvents.header(event, "ce_type"));
    }

    @Test
    void acceptingMakesUsFriendsBothWaysAndPublishesFriendshipCreated() {
        TestUser alice = TestUsers.existing();
        TestUser bob = TestUsers.existing();
        String id = Friends.request(alice, bob);
        bob.request()
                .post("/api/friends/requests/" + id + "/accept")
                .then()
                .statusCode(200)
                .body("id", equalTo(alice.id().toString()));

        alice.request()
                .get("/api/friends")
                .then()
                .statusCode(200)
                .body("items.id", contains(bob.id().toString()));
        bob.request()
                .get("/api/friends")
                .then()
                .statusCode(200)
                .body("items.id", contains(alice.id().toString()));
        bob.request().get("/api/friends/requests/incoming").then().body("items", empty());
        alice.request().get("/api/friends/requests/outgoing").then().body("items", empty());

        ConsumerRecord<String, String> event = TestEvents.await(
                Events.FRIENDSHIP_CREATED.topic(),
                r -> r.key().equals(bob.id().toString())
                        && r.value().contains(alice.id().toString()),
                Duration.ofSeconds(15));
        assertEquals(Events.FRIENDSHIP_CREATED.type(), TestEvents.header(event, "ce_type"));
    }

    @Test
    void onlyTheRecipientMayAcceptOrDeclineOthersGet404() {
        TestUser alice = TestUsers.existing();
        TestUser bob = TestUsers.existing();
        TestUser mallory = TestUsers.existing();
        String id = Friends.request(alice, bob);

        mallory.request()
                .post("/api/friends/requests/" + id + "/accept")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        mallory.request()
                .post("/api/friends/requests/" + id + "/decline")
                .then()
                .statusCode(404);
        alice.request().post("/api/friends/requests/" + id + "/accept").then().statusCode(404);
        alice.request().post("/api/friends/requests/" + id + "/decline").then().statusCode(404);
        mallory.request().delete("/api/friends/requests/" + id).then().statusCode(404);
        bob.request().delete("/api/friends/requests/" + id).then().statusCode(404);

        // still pending, and nobody became friends
        bob.request().get("/api/friends/requests/incoming").then().body("items.id", contains(id));
        mallory.request().get("/api/friends").then().body("items", empty());
        alice.request().get("/api/friends").then().body("items", empty());
    }

    @Test
    void declineAndCancelRemoveTheRequestWithoutFriendship() {
        TestUser alice = TestUsers.existing();
        TestUser bob = TestUsers.existing();
        String declined = Friends.request(alice, bob);
        bob.request()
                .post("/api/friends/requests/" + declined + "/decline")
                .then()
                .statusCode(204);
        alice.request().get("/api/friends/requests/outgoing").then().body("items", empty());
        alice.request().get("/api/friends").then().body("items", empty());

        String cancelled = Friends.request(alice, bob);
        alice.request().delete("/api/friends/requests/" + cancelled).then().statusCode(204);
        bob.request().get("/api/friends/requests/incoming").then().body("items", empty());
        bob.request()
                .post("/api/friends/requests/" + cancelled + "/accept")
                .then()
                .statusCode(404);
    }

    @Test
    void aRequestToYourselfIs400() {
        TestUser alice = TestUsers.existing();
        send(alice, alice.id()).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSecondRequestEitherWayOrBetweenFriendsIs409() {
        TestUser alice = TestUsers.existing();
        TestUser bob = TestUsers.existing();
        String id = Friends.request(alice, bob);
        send(alice, bob.id()).then().statusCode(409).contentType("application/problem+json");
        send(bob, alice.id()).then().statusCode(409);
        bob.request().post("/api/friends/requests/" + id + "/accept").then().statusCode(200);
        send(alice, bob.id()).then().statusCode(409);
    }

    @Test
    void aRequestToAnUnknownUserIs404AndBadBodiesAre400() {
        TestUser alice = TestUsers.existing();
        send(alice, UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        send(alice, "not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        alice.request()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/friends/requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        alice.request()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "toUserId",
                        UUID.randomUUID().toString(),
                        "fromUserId",
                        UUID.randomUUID().toString()))
                .post("/api/friends/requests")
                .then()
                .statusCode(400);
        alice.request()
                .post("/api/friends/requests/not-a-uuid/accept")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unfriendingEndsItForBothAndPublishesFriendshipRemoved() {
        TestUser alice = TestUsers.existing();
        TestUser bob = TestUsers.existing();
        Friends.befriend(alice, bob);
        alice.request().delete("/api/friends/" + bob.id()).then().statusCode(204);
        alice.request().get("/api/friends").then().body("items", empty());
        bob.request().get("/api/friends").then().body("items", empty());
        alice.request()
                .delete("/api/friends/" + bob.id())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        TestEvents.await(
                Events.FRIENDSHIP_REMOVED.topic(),
                r -> r.key().equals(alice.id().toString())
                        && r.value().contains(bob.id().toString()),
                Duration.ofSeconds(15));
    }

    @Test
    void someoneElseCannotEndMyFriendship() {
        TestUser alice = TestUsers.existing();
        TestUser bob = TestUsers.existing();
        TestUser mallory = TestUsers.existing();
        Friends.befriend(alice, bob);
        mallory.request().delete("/api/friends/" + bob.id()).then().statusCode(404);
        alice.request()
                .get("/api/friends")
                .then()
                .body("items.id", contains(bob.id().toString()));
    }

    @Test
    void theFriendListIsCursorPaginated() {
        TestUser me = TestUsers.existing();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUser friend = TestUsers.existing();
            Friends.befriend(friend, me);
            expected.add(friend.id().toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = me.request().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.get("/api/friends").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        org.hamcrest.MatcherAssert.assertThat(seen, containsInAnyOrder(expected.toArray()));
        assertEquals(5, seen.stream().distinct().count());
    }

    @Test
    void badPaginationParametersAre400() {
        TestUser me = TestUsers.existing();
        for (String limit : new String[] {"0", "101", "-1", "abc"}) {
            me.request()
                    .queryParam("limit", limit)
                    .get("/api/friends")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        me.request()
                .queryParam("cursor", "garbage!")
                .get("/api/friends")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        me.request()
                .queryParam("limit", 100)
                .get("/api/friends")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void friendEndpointsNeedAToken() {
        io.restassured.RestAssured.given().get("/api/friends").then().statusCode(401);
        io.restassured.RestAssured.given()
                .get("/api/friends/requests/incoming")
                .then()
                .statusCode(401);
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("toUserId", UUID.randomUUID().toString()))
                .post("/api/friends/requests")
                .then()
                .statusCode(401)
                .body("status", notNullValue());
    }
}
