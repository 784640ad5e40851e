package org.chorus.login.rest;

import static org.chorus.login.support.Http.from;
import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Http;
import org.chorus.login.support.Links;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PasswordResourceTest {

    private static final String NEW_PASSWORD = "an entirely new passphrase";

    @Inject
    Db db;

    private static Response requestReset(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/auth/password-reset");
    }

    private static Response completeReset(String token, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "newPassword", password))
                .post("/api/auth/password-reset/complete");
    }

    @Test
    void resetRequestsAre202WhetherOrNotTheAddressHasAnAccount() {
        Accounts.SignedUp account = Accounts.signUp();
        Response known = requestReset(account.email().toUpperCase());
        Response unknown = requestReset("nobody-" + account.email());
        assertEquals(202, known.statusCode());
        assertEquals(202, unknown.statusCode());
        assertEquals(known.asString(), unknown.asString());
    }

    @Test
    void aResetLinkSetsTheNewPasswordOnceAndEndsEverySession() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath before = account.login();
        requestReset(account.email()).then().statusCode(202);
        JsonNode event = Links.awaitEvent(Events.PASSWORD_RESET_REQUESTED, account.id());
        Instant expires = Instant.parse(event.get("expiresAt").asText());
        assertTrue(!expires.isAfter(Instant.now().plus(Duration.ofMinutes(30))), "valid at most 30 minutes");
        assertTrue(event.get("link").asText().startsWith("http://localhost:8080/reset-password?token="));

        completeReset(Links.token(event), NEW_PASSWORD).then().statusCode(204);

        LoginResourceTest.refresh(before.getString("refreshToken")).then().statusCode(401);
        given().auth()
                .oauth2(before.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .statusCode(401);
        Accounts.login(account.username(), NEW_PASSWORD);
        given().contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/login")
                .then()
                .statusCode(401);
        completeReset(Links.token(event), "yet another passphrase")
                .then()
                .statusCode(400)
                .body("type", endsWith("/invalid-token"));
        TestEvents.await(
                Events.PASSWORD_CHANGED.topic(), r -> account.id().toString().equals(r.key()), Duration.ofSeconds(20));
    }

    @Test
    void anExpiredResetLinkIsRefused() {
        Accounts.SignedUp account = Accounts.signUp();
        requestReset(account.email()).then().statusCode(202);
        String token = Links.token(Links.awaitEvent(Events.PASSWORD_RESET_REQUESTED, account.id()));
        db.sql(
                "update one_time_token set expires_at = now() - interval '1 second' where account_id = ?1 "
                        + "and purpose = 'PASSWORD_RESET'",
                account.id());
        completeReset(token, NEW_PASSWORD).then().statusCode(400).body("type", endsWith("/invalid-token"));
        account.login(); // the old password still works
    }

    @Test
    void theNewPasswordMustPassThePolicy() {
        Accounts.SignedUp account = Accounts.signUp();
        requestReset(account.email()).then().statusCode(202);
        String token = Links.token(Links.awaitEvent(Events.PASSWORD_RESET_REQUESTED, account.id()));
        completeReset(token, "baseball1")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("newPassword"));
        completeReset(token, "short").then().statusCode(400).body("errors.field", containsInAnyOrder("newPassword"));
        completeReset(token, NEW_PASSWORD).then().statusCode(204); // the token survived the refusals
    }

    @Test
    void resetRequestsForOneEmailAddressAreLimitedTo3AnHour() {
        String ip = Http.randomAddress();
        String email = Accounts.randomUsername() + "@example.org";
        for (int i = 0; i < 3; i++) {
            from(ip).contentType(ContentType.JSON)
                    .body(Map.of("email", email))
                    .post("/api/auth/password-reset")
                    .then()
                    .statusCode(202);
        }
        from(ip).contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/auth/password-reset")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessionsOnly() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath other = account.login();
        JsonPath current = account.login();
        String access = current.getString("accessToken");

        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not it", "newPassword", NEW_PASSWORD))
                .put("/api/auth/password")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("currentPassword"));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", account.username()))
                .put("/api/auth/password")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("newPassword"));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", NEW_PASSWORD))
                .put("/api/auth/password")
                .then()
                .statusCode(204);

        LoginResourceTest.refresh(other.getString("refreshToken")).then().statusCode(401);
        given().auth().oauth2(access).get("/api/auth/me").then().statusCode(200);
        LoginResourceTest.refresh(current.getString("refreshToken")).then().statusCode(200);
        Accounts.login(account.username(), NEW_PASSWORD);
    }

    @Test
    void changingThePasswordNeedsAToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", NEW_PASSWORD))
                .put("/api/auth/password")
                .then()
                .statusCode(401);
    }
}
