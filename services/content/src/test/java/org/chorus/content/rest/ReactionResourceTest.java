package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class ReactionResourceTest {

    @Test
    void onePerUserPerPostSetChangedAndRemovedWithCountsPerKind() {
        TestUser ada = TestUsers.signedUp();
        TestUser bob = TestUsers.signedUp();
        TestUser cat = TestUsers.signedUp();
        String post = ada.post("react to me", "public");
        String path = "/api/posts/" + post + "/reactions";

        bob.json(Map.of("reaction", "like")).put(path + "/mine").then().statusCode(200)
                .body("reaction", equalTo("like")).body("reactions.like", equalTo(1));
        bob.json(Map.of("reaction", "like")).put(path + "/mine").then().statusCode(200).body("reactions.like", equalTo(1));
        bob.json(Map.of("reaction", "love")).put(path + "/mine").then().statusCode(200)
                .body("reactions.like", equalTo(0)).body("reactions.love", equalTo(1));
        cat.json(Map.of("reaction", "love")).put(path + "/mine").then().statusCode(200).body("reactions.love", equalTo(2));

        bob.request().get("/api/posts/" + post).then().body("myReaction", equalTo("love"))
                .body("counts.reactions.love", equalTo(2));
        given().get("/api/posts/" + post).then().body("myReaction", nullValue());
        given().get(path).then().statusCode(200).body("items.user.username", contains(cat.username(), bob.username()));
        given().get(path + "?reaction=love&limit=1").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().get(path + "?reaction=wow").then().statusCode(200).body("items", hasSize(0));

        bob.request().delete(path + "/mine").then().statusCode(204);
        bob.request().delete(path + "/mine").then().statusCode(204);
        given().get("/api/posts/" + post).then().body("counts.reactions.love", equalTo(1));

        for (Object bad : List.of("meh", "LIKE", "", 3)) {
            bob.json(Map.of("reaction", bad)).put(path + "/mine").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        bob.json(Map.of()).put(path + "/mine").then().statusCode(400);
        given().get(path + "?reaction=meh").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "%%%").get(path).then().statusCode(400);
        given().contentType("application/json").body(Map.of("reaction", "like")).put(path + "/mine").then().statusCode(401);
    }

    @Test
    void commentsTakeReactionsTooAndOnlyFromThoseWhoMayReadThem() {
        TestUser ada = TestUsers.signedUp();
        TestUser friend = TestUsers.signedUp();
        TestUser stranger = TestUsers.signedUp();
        TestUsers.befriend(ada, friend);
        String post = ada.post("friends", "friends");
        String comment = friend.json(Map.of("text", "hi")).post("/api/posts/" + post + "/comments").then()
                .statusCode(201).extract().path("id");
        String path = "/api/comments/" + comment + "/reactions";
        ada.json(Map.of("reaction", "laugh")).put(path + "/mine").then().statusCode(200).body("reactions.laugh", equalTo(1));
        friend.request().get("/api/comments/" + comment).then().body("reactions.laugh", equalTo(1)).body("myReaction", nullValue());
        ada.request().get("/api/comments/" + comment).then().body("myReaction", equalTo("laugh"));
        friend.request().get(path).then().statusCode(200).body("items.user.id", contains(ada.id().toString()));

        stranger.json(Map.of("reaction", "angry")).put(path + "/mine").then().statusCode(404);
        stranger.json(Map.of("reaction", "angry")).put("/api/posts/" + post + "/reactions/mine").then().statusCode(404);
        stranger.request().get(path).then().statusCode(404);
        given().get("/api/posts/" + post + "/reactions").then().statusCode(404);
    }
}
