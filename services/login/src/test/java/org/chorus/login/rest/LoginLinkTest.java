package org.chorus.login.rest;

import static org.chorus.login.support.Http.from;
import static org.chorus.login.support.Http.given;
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
import org.chorus.login.support.Jwts;
import org.chorus.login.support.Links;
import org.chorus.testing.ChorusInfrastructureResource;
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
class LoginLinkTest {

    @Inject
    Db db;

    private static Response request(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/auth/login-link");
    }

    private static Response complete(String token) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/auth/login-link/complete");
    }

    @Test
    void aLoginLinkOpensASessionOnceWithinTenMinutes() {
        Accounts.SignedUp account = Accounts.signUp();
        request(account.email()).then().statusCode(202);
        JsonNode event = Links.awaitEvent(Events.LOGIN_LINK_REQUESTED, account.id());
        Instant expires = Instant.parse(event.get("expiresAt").asText());
        assertTrue(!expires.isAfter(Instant.now().plus(Duration.ofMinutes(10))), "valid at most 10 minutes");

        JsonPath tokens =
                complete(Links.token(event)).then().statusCode(200).extract().jsonPath();
        assertEquals(
                account.id().toString(),
                Jwts.claims(tokens.getString("accessToken")).get("sub"));
        given().auth()
                .oauth2(tokens.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .statusCode(200);

        complete(Links.token(event)).then().statusCode(400).body("type", endsWith("/invalid-token"));
    }

    @Test
    void anExpiredLoginLinkIsRefused() {
        Accounts.SignedUp account = Accounts.signUp();
        request(account.email()).then().statusCode(202);
        String token = Links.token(Links.awaitEvent(Events.LOGIN_LINK_REQUESTED, account.id()));
        db.sql(
                "update one_time_token set expires_at = now() - interval '1 second' where account_id = ?1 "
                        + "and purpose = 'LOGIN_LINK'",
                account.id());
        complete(token).then().statusCode(400).body("type", endsWith("/invalid-token"));
    }

    @Test
    void requestsAre202ForUnknownAddressesToo() {
        Response unknown = request("nobody-" + Accounts.randomUsername() + "@example.org");
        Response known = request(Accounts.signUp().email());
        assertEquals(202, unknown.statusCode());
        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(known.asString(), unknown.asString());
    }

    @Test
    void requestsAreRateLimitedPerEmailAndPerClient() {
        String email = Accounts.randomUsername() + "@example.org";
        for (int i = 0; i < 3; i++) {
            request(email).then().statusCode(202);
        }
        request(email).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());

        String ip = Http.randomAddress();
        for (int i = 0; i < 10; i++) {
            from(ip).contentType(ContentType.JSON)
                    .body(Map.of("email", i + Accounts.randomUsername() + "@example.org"))
                    .post("/api/auth/login-link")
                    .then()
                    .statusCode(202);
        }
        from(ip).contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.randomUsername() + "@example.org"))
                .post("/api/auth/login-link")
                .then()
                .statusCode(429);
    }
}
