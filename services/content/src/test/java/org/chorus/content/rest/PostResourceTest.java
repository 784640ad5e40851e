package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PostResourceTest {

    @Test
    void aPostIsCreatedReadEditedWithHistoryAndDeleted() {
        TestUser ada = TestUsers.signedUp();
        TestUser bob = TestUsers.signedUp();
        String text = "Hello @" + bob.username() + " and @nobody_here, see #Chorus and #java_17 <b>not html</b>";
        var created = ada.json(Map.of("text", text, "language", "en"))
                .post("/api/posts")
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/posts/" + id));
        JsonPath post =
                given().get("/api/posts/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(text, post.getString("text"));
        assertEquals("public", post.getString("visibility"));
        assertEquals("en", post.getString("language"));
        assertEquals(ada.id().toString(), post.getString("author.id"));
        assertEquals(ada.username(), post.getString("author.username"));
        assertEquals(1, post.getInt("version"));
        assertEquals(null, post.getString("editedAt"));
        assertEquals(0, post.getInt("counts.comments"));
        assertEquals(0, post.getInt("counts.reactions.like"));
        // only the existing user is a mention; offsets are UTF-16 indices of "@name"
        assertEquals(List.of(bob.username()), post.getList("entities.mentions.username"));
        assertEquals(bob.id().toString(), post.getString("entities.mentions[0].userId"));
        int start = text.indexOf("@" + bob.username());
        assertEquals(start, post.getInt("entities.mentions[0].start"));
        assertEquals(start + bob.username().length() + 1, post.getInt("entities.mentions[0].end"));
        assertEquals(List.of("chorus", "java_17"), post.getList("entities.hashtags.tag"));
        assertEquals(text.indexOf("#Chorus"), post.getInt("entities.hashtags[0].start"));

        ada.json(Map.of("text", "Second text", "visibility", "friends"))
                .patch("/api/posts/" + id)
                .then()
                .statusCode(200)
                .body("text", equalTo("Second text"))
                .body("visibility", equalTo("friends"))
                .body("version", equalTo(2))
                .body("editedAt", notNullValue())
                .body("language", equalTo("en"))
                .body("entities.hashtags", hasSize(0));
        ada.json(Map.of("language", ""))
                .patch("/api/posts/" + id)
                .then()
                .statusCode(200)
                .body("language", nullValue())
                .body("version", equalTo(3));
        // an edit that changes nothing is no new version
        ada.json(Map.of("text", "Second text"))
                .patch("/api/posts/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));

        ada.request()
                .get("/api/posts/" + id + "/versions")
                .then()
                .statusCode(200)
                .body("items.number", contains(3, 2, 1))
                .body("items.text", contains("Second text", "Second text", text))
                .body("items[2].visibility", equalTo("public"))
                .body("items[0].editedBy", equalTo(ada.id().toString()));
        ada.request()
                .get("/api/posts/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("text", equalTo(text));
        ada.request().get("/api/posts/" + id + "/versions/9").then().statusCode(404);
        for (String bad : List.of("x", "0", "-1", "01", "99999999999")) {
            // a path number that names no version is a version that does not exist, as platform/web's Ids has it
            ada.request()
                    .get("/api/posts/" + id + "/versions/" + bad)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        // paging through versions, one at a time
        String cursor = ada.request()
                .get("/api/posts/" + id + "/versions?limit=2")
                .then()
                .statusCode(200)
                .body("items.number", contains(3, 2))
                .extract()
                .path("nextCursor");
        ada.request()
                .queryParam("cursor", cursor)
                .get("/api/posts/" + id + "/versions?limit=2")
                .then()
                .statusCode(200)
                .body("items.number", contains(1))
                .body("nextCursor", nullValue());

        ada.request().delete("/api/posts/" + id).then().statusCode(204);
        ada.request().get("/api/posts/" + id).then().statusCode(404).contentType("application/problem+json");
        ada.request().get("/api/posts/" + id + "/versions").then().statusCode(404);
        ada.request().delete("/api/posts/" + id).then().statusCode(404);
    }

    @Test
    void textIsPlainTextWithinItsLimitsAndAnythingElseIsA400Problem() {
        TestUser ada = TestUsers.signedUp();
        String emoji = "😀".repeat(5000); // 5000 characters, 10000 UTF-16 units
        ada.json(Map.of("text", emoji)).post("/api/posts").then().statusCode(201);
        for (String bad :
                List.of("", "   \n ", "a".repeat(5001), "nul\u0000inside", "lone \ud800 surrogate", "bell\u0007")) {
            ada.json(Map.of("text", bad))
                    .post("/api/posts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("text"));
        }
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of(),
                Map.of("text", "x", "visibility", "secret"),
                Map.of("text", "x", "visibility", "PUBLIC"),
                Map.of("text", "x", "language", "not a language"),
                Map.of("text", "x", "language", "en-abcdefghijklmnop"),
                Map.of("text", "x", "author", "someone"),
                Map.of("text", 5),
                Map.of("text", "x", "version", 7))) {
            var response = ada.json(bad).post("/api/posts");
            assertEquals(
                    400, response.statusCode(), bad + " → " + response.body().asString());
            assertEquals(true, response.contentType().startsWith("application/problem+json"), bad.toString());
        }
        // escaped NUL in JSON is caught the same way
        ada.request()
                .contentType(ContentType.JSON)
                .body("{\"text\":\"a\\u0000b\"}")
                .post("/api/posts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String id = ada.post("fine", "public");
        ada.json(Map.of("text", "a".repeat(5001)))
                .patch("/api/posts/" + id)
                .then()
                .statusCode(400);
        ada.json(Map.of("visibility", "everyone"))
                .patch("/api/posts/" + id)
                .then()
                .statusCode(400);
        ada.json(Map.of("text", "")).patch("/api/posts/" + id).then().statusCode(400);
        given().get("/api/posts/" + id)
                .then()
                .statusCode(200)
                .body("text", equalTo("fine"))
                .body("version", equalTo(1));
    }

    @Test
    void malformedIdsNameNothingSoTheyAre404ProblemsLikeUnknownOnes() {
        TestUser ada = TestUsers.signedUp();
        for (String bad : List.of("nope", "1-1-1-1-1", "00000000-0000-0000-0000-00000000000g")) {
            given().get("/api/posts/" + bad).then().statusCode(404).contentType("application/problem+json");
            ada.request().delete("/api/posts/" + bad).then().statusCode(404).contentType("application/problem+json");
            given().get("/api/comments/" + bad).then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/api/posts/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        ada.json(Map.of("text", "x"))
                .patch("/api/posts/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void anotherUserCanNeverEditOrDeleteMyPost() {
        TestUser ada = TestUsers.signedUp();
        TestUser eve = TestUsers.signedUp();
        String id = ada.post("mine", "public");
        eve.json(Map.of("text", "hijacked"))
                .patch("/api/posts/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        eve.request().delete("/api/posts/" + id).then().statusCode(403);
        // without a token, or with a friends-only post eve may not read: 401 / 404
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "x"))
                .patch("/api/posts/" + id)
                .then()
                .statusCode(401);
        given().delete("/api/posts/" + id).then().statusCode(401);
        String hidden = ada.post("friends only", "friends");
        eve.request().delete("/api/posts/" + hidden).then().statusCode(404);
        given().get("/api/posts/" + id).then().statusCode(200).body("text", equalTo("mine"));
        ada.request().get("/api/posts/" + hidden).then().statusCode(200);
    }

    @Test
    void friendsOnlyPostsAreForFriendsAndPrivateOnesForTheAuthorAlone() {
        TestUser ada = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUser stranger = TestUsers.signedUp();
        TestUsers.befriend(ada, friend);
        String forFriends = ada.post("for friends", "friends");
        String forMe = ada.post("for me", "private");
        String forAll = ada.post("for all", "public");

        friend.request().get("/api/posts/" + forFriends).then().statusCode(200);
        friend.request().get("/api/posts/" + forMe).then().statusCode(404);
        stranger.request().get("/api/posts/" + forFriends).then().statusCode(404);
        stranger.request().get("/api/posts/" + forMe).then().statusCode(404);
        given().get("/api/posts/" + forFriends).then().statusCode(404);
        given().get("/api/posts/" + forAll).then().statusCode(200);
        ada.request().get("/api/posts/" + forMe).then().statusCode(200);

        // turning a post private takes it from friends at once; so does ending the friendship
        ada.json(Map.of("visibility", "private"))
                .patch("/api/posts/" + forAll)
                .then()
                .statusCode(200);
        given().get("/api/posts/" + forAll).then().statusCode(404);
        TestUsers.unfriend(friend, ada);
        friend.request().get("/api/posts/" + forFriends).then().statusCode(404);
    }

    @Test
    void aBadTokenIsRefusedEvenWhereNoTokenIsNeeded() {
        TestUser ada = TestUsers.signedUp();
        String id = ada.post("public", "public");
        given().auth()
                .oauth2("not.a.jwt")
                .get("/api/posts/" + id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(org.chorus.testing.TestJwt.expired(ada.id(), ada.username()))
                .get("/api/feed/public")
                .then()
                .statusCode(401);
    }

    @Test
    void aPostCanBeWrittenBeforeContentHeardOfTheAccount() {
        UUID id = UUID.randomUUID();
        String name = TestUsers.randomUsername();
        TestUser early = new TestUser(id, name, org.chorus.testing.TestJwt.token(id, name, "user"));
        String post = early.post("first!", "public");
        given().get("/api/posts/" + post).then().statusCode(200).body("author.username", equalTo(name));
        Map<String, Object> body = new HashMap<>();
        body.put("text", "x");
        body.put("visibility", null);
        early.json(body)
                .post("/api/posts")
                .then()
                .statusCode(201)
                .body("visibility", equalTo("public"))
                .body("text", containsString("x"));
    }
}
