package org.chorus.users.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.users.support.TestUsers;
import org.chorus.users.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PublicKeyResourceTest {

    private static String randomKey() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static ValidatableResponse publish(TestUser user, Map<String, ?> body) {
        return user.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/users/me/keys")
                .then();
    }

    @Test
    void iPublishListAndRemoveMyKeys() {
        TestUser me = TestUsers.existing();
        String key = randomKey();
        String id = publish(me, Map.of("algorithm", "x25519", "key", key, "label", "phone"))
                .statusCode(201)
                .body("key", equalTo(key))
                .body("label", equalTo("phone"))
                .body("userId", equalTo(me.id().toString()))
                .extract()
                .path("id");
        me.request().get("/api/users/me/keys").then().statusCode(200).body("items.id", contains(id));
        me.request().delete("/api/users/me/keys/" + id).then().statusCode(204);
        me.request().get("/api/users/me/keys").then().body("items", empty());
        me.request().delete("/api/users/me/keys/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void othersWhoMaySeeMyProfileFetchMyKeysButCannotRemoveThem() {
        TestUser me = TestUsers.existing();
        TestUser other = TestUsers.existing();
        String id = publish(me, Map.of("algorithm", "ed25519", "key", randomKey()))
                .statusCode(201)
                .extract()
                .path("id");
        other.request()
                .get("/api/users/" + me.id() + "/keys")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        other.request().delete("/api/users/me/keys/" + id).then().statusCode(404);
        me.request().get("/api/users/me/keys").then().body("items.id", contains(id));
    }

    @Test
    void keysOfAFriendsOnlyOrBlockingUserAreNotFoundForStrangers() {
        TestUser me = TestUsers.existing();
        TestUser friend = TestUsers.existing();
        TestUser stranger = TestUsers.existing();
        TestUser blocked = TestUsers.existing();
        Friends.befriend(me, friend);
        publish(me, Map.of("algorithm", "ed25519", "key", randomKey())).statusCode(201);
        me.request()
                .contentType(ContentType.JSON)
                .body(Map.of("visibility", "FRIENDS"))
                .patch("/api/users/me")
                .then()
                .statusCode(200);
        me.request().put("/api/users/me/blocks/" + blocked.id()).then().statusCode(204);

        friend.request()
                .get("/api/users/" + me.id() + "/keys")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
        stranger.request()
                .get("/api/users/" + me.id() + "/keys")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        blocked.request().get("/api/users/" + me.id() + "/keys").then().statusCode(404);
        stranger.request()
                .get("/api/users/" + UUID.randomUUID() + "/keys")
                .then()
                .statusCode(404);
    }

    @Test
    void badKeysAre400() {
        TestUser me = TestUsers.existing();
        publish(me, Map.of("algorithm", "dsa", "key", randomKey()))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("algorithm"));
        publish(me, Map.of("algorithm", "ed25519", "key", "not base64 !!! not base64 !!! not base64"))
                .statusCode(400)
                .body("errors.field", hasItem("key"));
        publish(me, Map.of("algorithm", "ed25519", "key", "A".repeat(4097))).statusCode(400);
        publish(me, Map.of("algorithm", "ed25519")).statusCode(400);
        publish(
                        me,
                        Map.of(
                                "algorithm",
                                "ed25519",
                                "key",
                                randomKey(),
                                "userId",
                                UUID.randomUUID().toString()))
                .statusCode(400);
    }

    @Test
    void atMostTwentyKeys() {
        TestUser me = TestUsers.existing();
        for (int i = 0; i < 20; i++) {
            publish(me, Map.of("algorithm", "ed25519", "key", randomKey())).statusCode(201);
        }
        publish(me, Map.of("algorithm", "ed25519", "key", randomKey()))
                .statusCode(409)
                .contentType("application/problem+json");
    }
}
