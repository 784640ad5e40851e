package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CommentResourceTest {

    private static String comment(TestUser who, String post, String text, String parent) {
        Map<String, Object> body = parent == null ? Map.of("text", text) : Map.of("text", text, "parentId", parent);
        return who.json(body)
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void commentsAndOneLevelOfRepliesOldestFirstWithCounts() {
        TestUser ada = TestUsers.signedUp();
        TestUser bob = TestUsers.signedUp();
        String post = ada.post("a post", "public");
        String first = comment(bob, post, "first", null);
        String second = comment(ada, post, "second", null);
        String reply = comment(ada, post, "a reply", first);
        comment(bob, post, "another reply", first);

        given().get("/api/posts/" + post + "/comments")
                .then()
                .statusCode(200)
                .body("items.text", contains("first", "second"))
                .body("items.replies", contains(2, 0))
                .body("items[0].author.username", equalTo(bob.username()))
                .body("items[0].parentId", nullValue())
                .body("nextCursor", nullValue());
        given().get("/api/comments/" + first + "/replies")
                .then()
                .statusCode(200)
                .body("items.text", contains("a reply", "another reply"))
                .body("items[0].parentId", equalTo(first));
        given().get("/api/comments/" + reply).then().statusCode(200).body("postId", equalTo(post));
        given().get("/api/posts/" + post).then().body("counts.comments", equalTo(4));

        // paging: one at a time, no repeats
        String cursor = given().get("/api/posts/" + post + "/comments?limit=1")
                .then()
                .statusCode(200)
                .body("items.text", contains("first"))
                .extract()
                .path("nextCursor");
        given().queryParam("cursor", cursor)
                .get("/api/posts/" + post + "/comments?limit=1")
                .then()
                .body("items.text", contains("second"))
                .body("nextCursor", nullValue());

        // replies to replies, to comments of other posts, or to nothing: 422
        bob.json(Map.of("text", "deeper", "parentId", reply))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        String other = ada.post("other post", "public");
        bob.json(Map.of("text", "wrong post", "parentId", first))
                .post("/api/posts/" + other + "/comments")
                .then()
                .statusCode(422);
        bob.json(Map.of("text", "no parent", "parentId", UUID.randomUUID().toString()))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(422);
        bob.json(Map.of("text", "bad parent", "parentId", "nope"))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(400);
    }

    @Test
    void onlyTheAuthorEditsAndTheAuthorOrThePostsAuthorDeletes() {
        TestUser ada = TestUsers.signedUp();
        TestUser bob = TestUsers.signedUp();
        TestUser eve = TestUsers.signedUp();
        String post = ada.post("ada's post", "public");
        String bobs = comment(bob, post, "bob's comment", null);
        String reply = comment(eve, post, "eve's reply", bobs);

        bob.json(Map.of("text", "edited"))
                .patch("/api/comments/" + bobs)
                .then()
                .statusCode(200)
                .body("text", equalTo("edited"));
        ada.json(Map.of("text", "by ada"))
                .patch("/api/comments/" + bobs)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        eve.json(Map.of("text", "by eve")).patch("/api/comments/" + bobs).then().statusCode(403);
        eve.request().delete("/api/comments/" + bobs).then().statusCode(403);
        given().get("/api/comments/" + bobs)
                .then()
                .body("text", equalTo("edited"))
                .body("editedAt", org.hamcrest.Matchers.notNullValue());

        // the post's author removes a comment under their post, its replies with it
        ada.request().delete("/api/comments/" + bobs).then().statusCode(204);
        given().get("/api/comments/" + bobs).then().statusCode(404);
        given().get("/api/comments/" + reply).then().statusCode(404);
        given().get("/api/posts/" + post + "/comments").then().body("items", hasSize(0));

        String evesOwn = comment(eve, post, "eve again", null);
        eve.request().delete("/api/comments/" + evesOwn).then().statusCode(204);
        given().get("/api/posts/" + post).then().body("counts.comments", equalTo(0));
    }

    @Test
    void commentsFollowTheirPostsVisibilityAndBadInputIsA4xxProblem() {
        TestUser ada = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUser stranger = TestUsers.signedUp();
        TestUsers.befriend(ada, friend);
        String post = ada.post("friends only", "friends");
        String c = comment(friend, post, "from a friend", null);
        stranger.json(Map.of("text", "me too"))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(404);
        stranger.request().get("/api/posts/" + post + "/comments").then().statusCode(404);
        stranger.request().get("/api/comments/" + c).then().statusCode(404);
        stranger.request().delete("/api/comments/" + c).then().statusCode(404);
        given().get("/api/comments/" + c + "/replies").then().statusCode(404);

        for (String bad : List.of("", "a".repeat(5001), "x\u0000y")) {
            friend.json(Map.of("text", bad))
                    .post("/api/posts/" + post + "/comments")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        friend.json(Map.of("text", "ok", "likes", 3))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(400);
        friend.json(Map.of("text", "")).patch("/api/comments/" + c).then().statusCode(400);
        friend.request().get("/api/comments/nope").then().statusCode(404); // a malformed path id names nothing
        friend.request().get("/api/posts/" + post + "/comments?limit=0").then().statusCode(400);
        friend.request()
                .get("/api/posts/" + post + "/comments?limit=101")
                .then()
                .statusCode(400);
        friend.request()
                .get("/api/posts/" + post + "/comments?cursor=garbage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body(Map.of("text", "anon"))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(401);
    }
}
