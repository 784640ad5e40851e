package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Members of the running suite, signed up and logged in through the gateway only, as a client would. */
public final class Members {

    public static final String PASSWORD = "a long and unusual passphrase 7";

    /** A signed-up member: its id, username and a fresh access token (and the refresh token of its session). */
    public record Member(String id, String username, String email, String accessToken, String refreshToken) {}

    private Members() {}

    /** Signs up a new member, logs it in, and waits until users has built its profile from user-created. */
    public static Member signUp() {
        String username = newUsername();
        String email = username + "@example.org";
        String id = signUp(email, username).then().statusCode(201).extract().path("id");
        Response login = login(username);
        Member member = new Member(id, username, email, login.path("accessToken"), login.path("refreshToken"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(member.accessToken())
                        .get("/api/users/me")
                        .then()
                        .statusCode(200));
        return member;
    }

    public static Response signUp(String email, String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "username", username, "password", PASSWORD))
                .post("/api/auth/signup");
    }

    public static Response login(String username) {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("login", username, "password", PASSWORD))
                .post("/api/auth/login");
        response.then().statusCode(200);
        return response;
    }

    /** Makes two members friends through users' API: a request, then its acceptance. */
    public static void befriend(Member from, Member to) {
        String request = given().auth()
                .oauth2(from.accessToken())
                .contentType(ContentType.JSON)
                .body(Map.of("toUserId", to.id()))
                .post("/api/friends/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(to.accessToken())
                .post("/api/friends/requests/" + request + "/accept")
                .then()
                .statusCode(200);
    }

    public static String newUsername() {
        return "e2e_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
