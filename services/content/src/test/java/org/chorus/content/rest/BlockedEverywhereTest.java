package org.chorus.content.rest;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.chorus.content.support.TestUsers;
import org.chorus.content.support.TestUsers.TestUser;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.Poll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A block hides both people's content from each other everywhere in content, whichever of the two blocked:
 * post reads (404), feeds, comments, reaction lists, search and reports; lifting it shows everything again.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BlockedEverywhereTest {

    @Test
    void theBlockedSeesNothingOfTheBlocker() {
        TestUser ada = TestUsers.signedUp();
        TestUser eve = TestUsers.signedUp();
        check(ada, eve, true);
    }

    @Test
    void theBlockerSeesNothingOfTheBlocked() {
        TestUser ada = TestUsers.signedUp();
        TestUser eve = TestUsers.signedUp();
        check(ada, eve, false);
    }

    /** {@code author} writes; {@code reader} is blocked by them (or blocks them), and then sees none of it. */
    private static void check(TestUser author, TestUser reader, boolean authorBlocks) {
        TestUser third = TestUsers.signedUp();
        TestUsers.befriend(author, reader);
        String word =
                "zq" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String post = author.post("public " + word + " #" + word, "public");
        String onThird = third.post("third's post", "public");
        String comment = author.json(Map.of("text", "author's comment " + word))
                .post("/api/posts/" + onThird + "/comments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        author.json(Map.of("reaction", "like"))
                .put("/api/posts/" + onThird + "/reactions/mine")
                .then()
                .statusCode(200);
        // before: all of it is there
        reader.request().get("/api/posts/" + post).then().statusCode(200);
        Poll.until(
                "search index",
                () -> reader.request()
                        .get("/api/search/posts?q=" + word)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.id")
                        .contains(post));

        if (authorBlocks) {
            TestUsers.block(author, reader);
        } else {
            TestUsers.block(reader, author);
        }

        reader.request().get("/api/posts/" + post).then().statusCode(404);
        reader.request().get("/api/posts/" + post + "/versions").then().statusCode(404);
        reader.request().get("/api/posts/" + post + "/comments").then().statusCode(404);
        reader.request().get("/api/comments/" + comment).then().statusCode(404);
        reader.request().get("/api/feed/home").then().statusCode(200).body("items.id", not(hasItem(post)));
        reader.request()
                .get("/api/feed/public?limit=100")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(post)));
        reader.request().get("/api/feed/tags/" + word).then().statusCode(200).body("items.id", not(hasItem(post)));
        reader.request().get("/api/feed/users/" + author.id()).then().statusCode(404);
        reader.request()
                .get("/api/feed/users/" + author.id() + "/counts")
                .then()
                .statusCode(404);
        reader.request()
                .get("/api/posts/" + onThird + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(comment)));
        reader.request()
                .get("/api/posts/" + onThird + "/reactions")
                .then()
                .statusCode(200)
                .body("items.user.id", not(hasItem(author.id().toString())));
        reader.request()
                .get("/api/search/posts?q=" + word)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(post)));
        reader.json(Map.of("reaction", "angry"))
                .put("/api/posts/" + post + "/reactions/mine")
                .then()
                .statusCode(404);
        reader.json(Map.of("text", "still here?"))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(404);
        for (Map<String, String> target : new Map[] {
            Map.of("targetKind", "post", "targetId", post),
            Map.of("targetKind", "comment", "targetId", comment),
            Map.of("targetKind", "user", "targetId", author.id().toString())
        }) {
            reader.json(Map.of(
                            "targetKind",
                            target.get("targetKind"),
                            "targetId",
                            target.get("targetId"),
                            "reason",
                            "spam"))
                    .post("/api/reports")
                    .then()
                    .statusCode(404);
        }
        // and the other way round: the author does not see the reader's content either
        String readers = reader.post("reader's post", "public");
        author.request().get("/api/posts/" + readers).then().statusCode(404);

        if (authorBlocks) {
            TestUsers.unblock(author, reader);
        } else {
            TestUsers.unblock(reader, author);
        }
        reader.request().get("/api/posts/" + post).then().statusCode(200);
        author.request().get("/api/posts/" + readers).then().statusCode(200);
    }
}
