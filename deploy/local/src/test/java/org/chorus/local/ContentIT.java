package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.local.Members.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Issue 10's proof, through the gateway only: a friends-only post reaches a friend's feed, comments, reactions and
 * search and nobody else's; an edit keeps both versions; a block hides everything; a page written by the
 * administrator named in configuration is listed for anyone.
 */
@ExtendWith(RunningSuite.class)
class ContentIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    @Test
    void aFriendsOnlyPostIsForFriendsOnlyAndABlockHidesIt() {
        Member a = Members.signUp();
        Member b = Members.signUp();
        Member c = Members.signUp();
        Member d = Members.signUp();
        Members.befriend(a, b);
        Members.befriend(a, d);

        String word = Posts.uniqueWord();
        String first = "Dinner at ours on Friday? " + word + " pie for everyone";
        String post = Posts.create(a, first, "friends");

        // friend B sees it in the home feed (content learns the friendship from users' events)
        await("B sees A's friends-only post in the home feed")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertTrue(Posts.homeFeed(b).contains(post)));
        given().auth()
                .oauth2(b.accessToken())
                .get("/api/posts/" + post)
                .then()
                .statusCode(200)
                .body("text", equalTo(first))
                .body("visibility", equalTo("friends"));

        // B comments and reacts
        String comment = given().auth()
                .oauth2(b.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("text", "Count me in!"))
                .post("/api/posts/" + post + "/comments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(b.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reaction", "love"))
                .put("/api/posts/" + post + "/reactions/mine")
                .then()
                .statusCode(200)
                .body("reaction", equalTo("love"));
        given().auth()
                .oauth2(a.accessToken())
                .get("/api/posts/" + post)
                .then()
                .statusCode(200)
                .body("counts.comments", equalTo(1))
                .body("counts.reactions.love", equalTo(1));
        given().auth()
                .oauth2(a.accessToken())
                .get("/api/posts/" + post + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", contains(comment));
        given().auth()
                .oauth2(a.accessToken())
                .get("/api/posts/" + post + "/reactions")
                .then()
                .statusCode(200)
                .body("items.user.id", contains(b.id()));

        // C, not a friend, does not see it
        assertEquals(404, Posts.read(c, post), "C reads A's friends-only post");
        assertFalse(Posts.homeFeed(c).contains(post), "C's home feed");
        given().auth()
                .oauth2(c.accessToken())
                .get("/api/feed/users/" + a.id())
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(post)));
        given().auth()
                .oauth2(c.accessToken())
                .get("/api/posts/" + post + "/comments")
                .then()
                .statusCode(404);
        given().get("/api/posts/" + post).then().statusCode(404); // nor does anyone without a token

        // A edits: the version history has both texts
        String second = "Dinner at ours on Saturday instead? " + word + " pie for everyone";
        given().auth()
                .oauth2(a.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("text", second))
                .patch("/api/posts/" + post)
                .then()
                .statusCode(200)
                .body("text", equalTo(second))
                .body("editedAt", notNullValue());
        given().auth()
                .oauth2(b.accessToken())
                .get("/api/posts/" + post + "/versions")
                .then()
                .statusCode(200)
                .body("items.number", contains(2, 1))
                .body("items.text", contains(second, first));
        given().auth()
                .oauth2(b.accessToken())
                .get("/api/posts/" + post + "/versions/1")
                .then()
                .statusCode(200)
                .body("text", equalTo(first));
        given().auth()
                .oauth2(c.accessToken())
                .get("/api/posts/" + post + "/versions")
                .then()
                .statusCode(404);

        // search finds it for B, not for C
        assertTrue(Posts.search(b, word).contains(post), "B's search for " + word);
        assertTrue(Posts.search(b, "saturday " + word).contains(post), "B's search for the edited text");
        assertFalse(Posts.search(c, word).contains(post), "C's search for " + word);

        // D, a friend, sees it until A blocks D; then nothing at all
        assertEquals(200, Posts.read(d, post), "D reads it before the block");
        given().auth()
                .oauth2(a.accessToken())
                .put("/api/users/me/blocks/" + d.id())
                .then()
                .statusCode(204);
        await("the block hides A's post from D everywhere")
                .atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertEquals(404, Posts.read(d, post), "D's direct read");
                    assertFalse(Posts.homeFeed(d).contains(post), "D's home feed");
                    assertFalse(Posts.search(d, word).contains(post), "D's search");
                    given().auth()
                            .oauth2(d.accessToken())
                            .get("/api/posts/" + post + "/comments")
                            .then()
                            .statusCode(404);
                    given().auth()
                            .oauth2(d.accessToken())
                            .get("/api/comments/" + comment)
                            .then()
                            .statusCode(404);
                    given().auth()
                            .oauth2(d.accessToken())
                            .get("/api/feed/users/" + a.id())
                            .then()
                            .statusCode(404);
                });
    }

    @Test
    void theConfiguredAdministratorWritesAPageThatAnyoneLists() {
        Member admin = Administrator.get();
        Member member = Members.signUp();
        String url = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> page = Map.of(
                "name",
                "About " + url,
                "title",
                "About Chorus",
                "url",
                url,
                "description",
                "Chorus is a social platform.",
                "place",
                "sidebar",
                "language",
                "en");

        given().auth()
                .oauth2(member.accessToken())
                .contentType(ContentType.JSON)
                .body(page)
                .post("/api/pages")
                .then()
                .statusCode(403);
        String id = given().auth()
                .oauth2(admin.accessToken())
                .contentType(ContentType.JSON)
                .body(page)
                .post("/api/pages")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .extract()
                .path("id");

        // anyone, without a token, lists it and reads it by url
        List<String> listed = given().queryParam("place", "sidebar")
                .queryParam("limit", 100)
                .get("/api/pages")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertTrue(listed.contains(id), "the sidebar pages list it: " + listed);
        given().get("/api/pages/by-url/" + url)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("description", equalTo("Chorus is a social platform."));
        given().auth()
                .oauth2(member.accessToken())
                .get("/api/pages/" + id)
                .then()
                .statusCode(200);
    }
}
