package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class SearchResourceTest {

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
    }

    @Test
    void fullTextWithStemmingPartialWordsRankingAndOnlyWhatTheCallerMayRead() {
        TestUser ada = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUser stranger = TestUsers.signedUp();
        TestUser muter = TestUsers.signedUp();
        TestUsers.befriend(ada, friend);
        TestUsers.mute(muter, ada);
        String w = word();
        String pub = ada.json(Map.of("text", "The " + w + " gardeners were running", "language", "en"))
                .post("/api/posts").then().statusCode(201).extract().path("id");
        String fr = ada.post(w + " for friends", "friends");
        String priv = ada.post(w + " private", "private");

        // stemmed ("run" finds "running") together with the unique word, exact words, partial words
        given().queryParam("q", w + " run").get("/api/search/posts").then().statusCode(200)
                .body("items.id", contains(pub));
        given().queryParam("q", w).get("/api/search/posts").then().body("items.id", contains(pub));
        given().queryParam("q", w.substring(0, 8)).get("/api/search/posts").then().body("items.id", hasItem(pub));
        friend.request().queryParam("q", w).get("/api/search/posts").then().body("items.id", hasSize(2))
                .body("items.id", hasItem(fr)).body("items.id", not(hasItem(priv)));
        stranger.request().queryParam("q", w).get("/api/search/posts").then().body("items.id", contains(pub));
        ada.request().queryParam("q", w).get("/api/search/posts").then().body("items.id", hasSize(3));
        muter.request().queryParam("q", w).get("/api/search/posts").then().body("items", hasSize(0));

        // paging through a ranking never repeats
        List<String> first = ada.request().queryParam("q", w).queryParam("limit", 2).get("/api/search/posts")
                .then().extract().jsonPath().getList("items.id");
        String cursor = ada.request().queryParam("q", w).queryParam("limit", 2).get("/api/search/posts")
                .then().extract().path("nextCursor");
        List<String> second = ada.request().queryParam("q", w).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/search/posts").then().statusCode(200).body("nextCursor", equalTo(null))
                .extract().jsonPath().getList("items.id");
        HashSet<String> all = new HashSet<>(first);
        all.addAll(second);
        assertEquals(3, all.size());
        assertTrue(first.size() == 2 && second.size() == 1);

        ada.request().delete("/api/posts/" + pub).then().statusCode(204);
        given().queryParam("q", w).get("/api/search/posts").then().body("items", hasSize(0));
    }

    @Test
    void hashtagsByPrefixWithCountsOfPublicPosts() {
        TestUser ada = TestUsers.signedUp();
        String tag = word();
        ada.post("#" + tag + " one", "public");
        ada.post("#" + tag + " two and #" + tag + "x", "public");
        ada.post("#" + tag + " hidden from counts", "private");
        given().queryParam("q", "#" + tag).get("/api/search/tags").then().statusCode(200)
                .body("items.tag", contains(tag, tag + "x")).body("items.posts", contains(2, 1))
                .body("nextCursor", equalTo(null));
        given().queryParam("q", tag.toUpperCase()).queryParam("limit", 1).get("/api/search/tags").then()
                .body("items.tag", contains(tag));
    }

    @Test
    void badQueriesAre400Problems() {
        for (String q : new String[] {null, "", " ", "x", "a".repeat(201)}) {
            var request = given();
            if (q != null) {
                request = request.queryParam("q", q);
            }
            request.get("/api/search/posts").then().statusCode(400).contentType("application/problem+json");
        }
        given().queryParam("q", "fine").queryParam("cursor", "bad").get("/api/search/posts").then().statusCode(400);
        given().queryParam("q", "fine").queryParam("limit", "1000").get("/api/search/posts").then().statusCode(400);
        given().queryParam("q", "fine").queryParam("language", "english!").get("/api/search/posts").then().statusCode(400);
        given().queryParam("q", "a%b").get("/api/search/tags").then().statusCode(400);
        given().get("/api/search/tags").then().statusCode(400).contentType("application/problem+json");
        // odd but valid queries never fail
        for (String q : List.of("!!", "a & b | !c", "\"quoted", "'; drop table post; --", "<->", "::")) {
            given().queryParam("q", q).get("/api/search/posts").then().statusCode(200);
        }
    }
}
