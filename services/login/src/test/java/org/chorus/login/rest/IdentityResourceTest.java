package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Jwts;
import org.chorus.login.support.Links;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class IdentityResourceTest {

    @Test
    void aUsernameChangeIsStoredLowerCaseEmitsUserUpdatedAndReachesTheNextToken() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath tokens = account.login();
        String renamed = Accounts.randomUsername();

        given().auth()
                .oauth2(tokens.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("username", renamed.toUpperCase()))
                .put("/api/auth/username")
                .then()
                .statusCode(200)
                .body("username", equalTo(renamed));

        JsonPath refreshed = LoginResourceTest.refresh(tokens.getString("refreshToken"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(renamed, Jwts.claims(refreshed.getString("accessToken")).get("upn"));
        Accounts.login(renamed, Accounts.PASSWORD);
        JsonNode updated = new ObjectMapper()
                .readTree(TestEvents.await(
                                Events.USER_UPDATED.topic(),
                                r -> account.id().toString().equals(r.key())
                                        && r.value().contains(renamed),
                                Duration.ofSeconds(20))
                        .value());
        assertEquals(renamed, updated.get("username").asText());
    }

    @Test
    void aTakenReservedOrMalformedUsernameIsRefused() {
        Accounts.SignedUp other = Accounts.signUp();
        String access = Accounts.signUp().login().getString("accessToken");
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("username", other.username().toUpperCase()))
                .put("/api/auth/username")
                .then()
                .statusCode(409)
                .body("type", endsWith("/username-taken"));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("username", "Admin"))
                .put("/api/auth/username")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("username"));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("username", "no spaces"))
                .put("/api/auth/username")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("username"));
    }

    @Test
    void anEmailChangeIsConfirmedFromTheNewAddressAndEndsTheOtherSessions() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath other = account.login();
        JsonPath current = account.login();
        String newEmail = Accounts.randomUsername() + "@example.net";

        given().auth()
                .oauth2(current.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("newEmail", newEmail.toUpperCase(), "password", Accounts.PASSWORD))
                .post("/api/auth/email-change")
                .then()
                .statusCode(202);
        JsonNode requested = Links.awaitEvent(Events.EMAIL_CHANGE_REQUESTED, account.id());
        assertEquals(newEmail, requested.get("newEmail").asText());
        // the link opens the web client's page, which posts the token to the API as this test GETs it
        assertTrue(requested.get("link").asText().startsWith("http://localhost:8080/confirm-email?token="));
        // nothing changes before the confirmation
        given().auth()
                .oauth2(current.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .body("email", equalTo(account.email()));

        given().get("/api/auth/email-change/confirm?token=" + Links.token(requested))
                .then()
                .statusCode(200)
                .body("emailChanged", equalTo(true));

        given().auth()
                .oauth2(current.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(newEmail))
                .body("emailVerified", equalTo(true));
        LoginResourceTest.refresh(other.getString("refreshToken")).then().statusCode(401);
        Accounts.login(newEmail, Accounts.PASSWORD);
        JsonNode updated = new ObjectMapper()
                .readTree(TestEvents.await(
                                Events.USER_UPDATED.topic(),
                                r -> account.id().toString().equals(r.key())
                                        && r.value().contains(newEmail),
                                Duration.ofSeconds(20))
                        .value());
        assertEquals(account.email(), updated.get("previousEmail").asText());
        given().get("/api/auth/email-change/confirm?token=" + Links.token(requested))
                .then()
                .statusCode(400)
                .body("type", endsWith("/invalid-token"));
    }

    @Test
    void anEmailChangeNeedsThePasswordAndAFreeAddress() {
        Accounts.SignedUp account = Accounts.signUp();
        Accounts.SignedUp other = Accounts.signUp();
        String access = account.login().getString("accessToken");
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("newEmail", Accounts.randomUsername() + "@example.net", "password", "wrong one"))
                .post("/api/auth/email-change")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("password"));
        given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("newEmail", other.email(), "password", Accounts.PASSWORD))
                .post("/api/auth/email-change")
                .then()
                .statusCode(409)
                .body("type", endsWith("/email-taken"));
        given().contentType(ContentType.JSON)
                .body(Map.of("newEmail", Accounts.randomUsername() + "@example.net", "password", Accounts.PASSWORD))
                .post("/api/auth/email-change")
                .then()
                .statusCode(401);
    }
}
