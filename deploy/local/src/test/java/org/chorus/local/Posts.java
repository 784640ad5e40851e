package org.chorus.local;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Content through the gateway: writing a post and reading the lists a member sees it in. */
public final class Posts {

    private Posts() {}

    /** A word no other test writes, so a search for it finds only this test's posts. */
    public static String uniqueWord() {
        return "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6) + "marmot";
    }

    /** Writes a post; its id. */
    public static String create(Members.Member author, String text, String visibility) {
        return given().auth()
                .oauth2(author.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("text", text, "visibility", visibility))
                .post("/api/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The ids on the first page (100) of the member's home feed. */
    public static List<String> homeFeed(Members.Member reader) {
        return given().auth()
                .oauth2(reader.accessToken())
                .queryParam("limit", 100)
                .get("/api/feed/home")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    /** The ids of the first page (100) of the posts a search for the word finds for the member. */
    public static List<String> search(Members.Member reader, String q) {
        return given().auth()
                .oauth2(reader.accessToken())
                .queryParam("q", q)
                .queryParam("limit", 100)
                .get("/api/search/posts")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    /** The status of a direct read of the post by the member. */
    public static int read(Members.Member reader, String postId) {
        return given().auth()
                .oauth2(reader.accessToken())
                .get("/api/posts/" + postId)
                .statusCode();
    }
}
