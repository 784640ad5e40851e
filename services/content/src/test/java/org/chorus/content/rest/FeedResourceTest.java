package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class FeedResourceTest {

    @Test
    void theHomeFeedHoldsMyPostsAndMyFriendsPostsIMayReadNewestFirst() {
        TestUser me = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUser other = TestUsers.signedUp();
        TestUser muted = TestUsers.signedUp();
        TestUsers.befriend(me, friend);
        TestUsers.befriend(muted, me);
        String mine = me.post("mine, private", "private");
        String friends = friend.post("friend, friends only", "friends");
        String friendPrivate = friend.post("friend, private", "private");
        String stranger = other.post("stranger, public", "public");
        String mutedPost = muted.post("muted, public", "public");
        String friendPublic = friend.post("friend, public", "public");
        TestUsers.mute(me, muted);

        me.request()
                .get("/api/feed/home")
                .then()
                .statusCode(200)
                .body("items.id", contains(friendPublic, friends, mine))
                .body("items.id", not(hasItem(friendPrivate)))
                .body("items.id", not(hasItem(stranger)))
                .body("items.id", not(hasItem(mutedPost)));
        // the muted person's post is still there when opened directly
        me.request().get("/api/posts/" + mutedPost).then().statusCode(200);
        friend.request()
                .get("/api/feed/home")
                .then()
                .statusCode(200)
                .body("items.id", contains(friendPublic, friendPrivate, friends));
        given().get("/api/feed/home").then().statusCode(401).contentType("application/problem+json");

        // a deleted post leaves every list at once
        friend.request().delete("/api/posts/" + friends).then().statusCode(204);
        me.request().get("/api/feed/home").then().body("items.id", contains(friendPublic, mine));
    }

    @Test
    void homeFeedPagesNeverRepeatOrSkipAPost() {
        TestUser me = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUsers.befriend(me, friend);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            written.add(0, (i % 2 == 0 ? me : friend).post("post " + i, "friends"));
        }
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            List<String> seen = walk(me::request, "/api/feed/home", limit);
            assertEquals(written, seen, "limit " + limit);
        }
    }

    @Test
    void thePublicTagAndProfileTimelines() {
        TestUser ada = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUsers.befriend(ada, friend);
        String tag = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String pub = ada.post("public #" + tag, "public");
        String fr = ada.post("friends #" + tag.toUpperCase(), "friends");
        String priv = ada.post("private #" + tag, "private");

        List<String> everyone = walk(() -> given(), "/api/feed/public", 100);
        assertTrue(everyone.contains(pub));
        assertTrue(!everyone.contains(fr) && !everyone.contains(priv));

        given().get("/api/feed/tags/" + tag).then().statusCode(200).body("items.id", contains(pub));
        friend.request().get("/api/feed/tags/" + tag.toUpperCase()).then().body("items.id", contains(fr, pub));
        ada.request().get("/api/feed/tags/" + tag).then().body("items.id", contains(priv, fr, pub));
        given().get("/api/feed/tags/not a tag").then().statusCode(400).contentType("application/problem+json");

        given().get("/api/feed/users/" + ada.id()).then().statusCode(200).body("items.id", contains(pub));
        friend.request().get("/api/feed/users/" + ada.id()).then().body("items.id", contains(fr, pub));
        ada.request().get("/api/feed/users/" + ada.id()).then().body("items.id", contains(priv, fr, pub));
        given().get("/api/feed/users/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/feed/users/nope").then().statusCode(404); // a malformed path id names no user

        friend.json(Map.of("text", "a comment"))
                .post("/api/posts/" + pub + "/comments")
                .then()
                .statusCode(201);
        given().get("/api/feed/users/" + ada.id() + "/counts")
                .then()
                .statusCode(200)
                .body("posts", equalTo(1))
                .body("comments", equalTo(0));
        friend.request().get("/api/feed/users/" + ada.id() + "/counts").then().body("posts", equalTo(2));
        ada.request().get("/api/feed/users/" + ada.id() + "/counts").then().body("posts", equalTo(3));
        given().get("/api/feed/users/" + friend.id() + "/counts").then().body("comments", equalTo(1));
    }

    @Test
    void badLimitsAndCursorsAre400Problems() {
        TestUser me = TestUsers.signedUp();
        for (String path :
                List.of("/api/feed/home", "/api/feed/public", "/api/feed/tags/x", "/api/feed/users/" + me.id())) {
            for (String limit : List.of("0", "101", "-1", "ten", "1.5")) {
                me.request()
                        .queryParam("limit", limit)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json");
            }
            for (String cursor : List.of(
                    "garbage", "MTIzNA", "OTk5OTk5OTk5OTk5OS4wLjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA")) {
                me.request()
                        .queryParam("cursor", cursor)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json");
            }
        }
    }

    /** Every id of a list, page by page; each page is a fresh request (a specification keeps its parameters). */
    static List<String> walk(Supplier<RequestSpecification> request, String path, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            RequestSpecification r = request.get().queryParam("limit", limit);
            if (cursor != null) {
                r = r.queryParam("cursor", cursor);
            }
            JsonPath body = r.get(path).then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items.id"));
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no post twice");
        return seen;
    }
}
