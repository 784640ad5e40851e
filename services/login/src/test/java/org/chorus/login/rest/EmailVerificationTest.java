package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Jwts;
import org.chorus.login.support.Links;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EmailVerificationTest {

    @Inject
    Db db;

    @Test
    void signUpSendsASingleUseLinkThatVerifiesTheAddressAndTheNextTokenSaysSo() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        JsonNode requested = Links.awaitEvent(Events.EMAIL_VERIFICATION_REQUESTED, account.id());
        assertEquals(account.email(), requested.get("email").asText());
        // the link opens the web client's page, which redeems the token at the API as this test does
        assertTrue(requested.get("link").asText().startsWith("http://localhost:8080/verify-email?token="));
        assertTrue(Links.token(requested).length() >= 43, "at least 256 bits");
        Instant expires = Instant.parse(requested.get("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(23))));

        given().get(verifyPath(requested)).then().statusCode(200).body("emailVerified", equalTo(true));

        String access = account.login().getString("accessToken");
        assertEquals(true, Jwts.claims(access).get("email_verified"));
        given().auth().oauth2(access).get("/api/auth/me").then().body("emailVerified", equalTo(true));
        // single use
        given().get(verifyPath(requested))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-token"));
        JsonNode updated = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TestEvents.await(
                                Events.USER_UPDATED.topic(),
                                r -> account.id().toString().equals(r.key()),
                                Duration.ofSeconds(20))
                        .value());
        assertEquals(true, updated.get("emailVerified").asBoolean());
    }

    @Test
    void theTokenCanAlsoBePostedByAClientPage() {
        Accounts.SignedUp account = Accounts.signUp();
        String token = Links.token(Links.awaitEvent(Events.EMAIL_VERIFICATION_REQUESTED, account.id()));
        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/auth/verify-email")
                .then()
                .statusCode(200)
                .body("emailVerified", equalTo(true));
    }

    @Test
    void anExpiredLinkIsRefused() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonNode requested = Links.awaitEvent(Events.EMAIL_VERIFICATION_REQUESTED, account.id());
        db.sql(
                "update one_time_token set expires_at = now() - interval '1 second' where account_id = ?1",
                account.id());
        given().get(verifyPath(requested)).then().statusCode(400).body("type", endsWith("/invalid-token"));
    }

    @Test
    void anUnknownTokenIsRefused() {
        given().get("/api/auth/verify-email?token=nonsense")
                .then()
                .statusCode(400)
                .body("type", endsWith("/invalid-token"));
        given().get("/api/auth/verify-email").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void resendIssuesANewLinkThatReplacesTheOldOneAndIsRateLimited() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonNode first = Links.awaitEvent(Events.EMAIL_VERIFICATION_REQUESTED, account.id());
        String access = account.login().getString("accessToken");

        given().auth()
                .oauth2(access)
                .post("/api/auth/verify-email/resend")
                .then()
                .statusCode(202);
        JsonNode second = Links.awaitEvent(
                Events.EMAIL_VERIFICATION_REQUESTED,
                account.id(),
                Set.of(first.get("link").asText()));
        given().get(verifyPath(first)).then().statusCode(400); // superseded

        given().auth()
                .oauth2(access)
                .post("/api/auth/verify-email/resend")
                .then()
                .statusCode(202);
        given().auth()
                .oauth2(access)
                .post("/api/auth/verify-email/resend")
                .then()
                .statusCode(202);
        given().auth()
                .oauth2(access)
                .post("/api/auth/verify-email/resend")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertTrue(second.get("link").asText().contains("token="));
    }

    @Test
    void resendForAVerifiedAddressIs409AndNeedsAToken() {
        Accounts.SignedUp account = Accounts.signUp();
        given().get(verifyPath(Links.awaitEvent(Events.EMAIL_VERIFICATION_REQUESTED, account.id())))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(account.login().getString("accessToken"))
                .post("/api/auth/verify-email/resend")
                .then()
                .statusCode(409);
        given().post("/api/auth/verify-email/resend").then().statusCode(401);
    }

    /** The API call behind the link's page (GET, as a client without JavaScript could use it). */
    private static String verifyPath(JsonNode requested) {
        return "/api/auth/verify-email?token=" + Links.token(requested);
    }
}
