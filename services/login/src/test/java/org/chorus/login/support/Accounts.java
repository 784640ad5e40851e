package org.chorus.login.support;

import static org.chorus.login.support.Http.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Test data through the public API: every test makes its own accounts, with random names. */
public final class Accounts {

    public static final String PASSWORD = "a perfectly fine passphrase";

    private Accounts() {}

    public static String randomUsername() {
        return "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Signs up a new account and returns its username (the e-mail is {@code <username>@example.org}). */
    public static SignedUp signUp() {
        String username = randomUsername();
        String email = username + "@example.org";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "username", username, "password", PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new SignedUp(UUID.fromString(id), username, email);
    }

    public static JsonPath login(String login, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", password))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public record SignedUp(UUID id, String username, String email) {
        public JsonPath login() {
            return Accounts.login(username, PASSWORD);
        }
    }
}
