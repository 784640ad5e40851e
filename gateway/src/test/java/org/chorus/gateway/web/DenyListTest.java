package org.chorus.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.gateway.AccessToken;
import org.chorus.gateway.auth.DenyList;
import org.chorus.gateway.auth.DenyListMirror;
import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class DenyListTest {

    @Inject
    RedisDataSource redis;

    @Inject
    DenyListMirror mirror;

    private final long now = Instant.now().getEpochSecond();

    @Test
    void aRevokedSessionsTokenIs401WhileTheUsersOtherSessionsStillWork() {
        String user = UUID.randomUUID().toString();
        String revoked = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String revokedToken = TestKeys.sign(TestKeys.claims(user, revoked, now));
        String otherToken = TestKeys.sign(TestKeys.claims(user, other, now));
        given().auth().oauth2(revokedToken).get("/api/feed").then().statusCode(200);

        redis.value(String.class).setex(DenyList.sessionKey(revoked), 600, String.valueOf(now));
        seen(new AccessToken(user, revoked, now));

        given().auth()
                .oauth2(revokedToken)
                .get("/api/feed")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("type", is("https://chorus.dev/problems/unauthorized"))
                .body("detail", is("The session of this access token has been revoked"));
        given().auth().oauth2(otherToken).get("/api/feed").then().statusCode(200);
    }

    @Test
    void aRevokedUsersTokensIssuedAtOrBeforeTheRevocationAre401() {
        String user = UUID.randomUUID().toString();
        long revokedAt = now - 60;
        redis.value(String.class).setex(DenyList.userKey(user), 600, String.valueOf(revokedAt));
        seen(new AccessToken(user, null, revokedAt));

        String before = TestKeys.sign(TestKeys.claims(user, UUID.randomUUID().toString(), revokedAt - 120));
        String sameSecond =
                TestKeys.sign(TestKeys.claims(user, UUID.randomUUID().toString(), revokedAt));
        String after = TestKeys.sign(TestKeys.claims(user, UUID.randomUUID().toString(), now));

        given().auth()
                .oauth2(before)
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(sameSecond).get("/api/users/me").then().statusCode(401);
        // logged in again after the revocation (e.g. after a password reset): fine
        given().auth().oauth2(after).get("/api/users/me").then().statusCode(200).body("upstream", is("users"));
    }

    @Test
    void anotherUsersRevocationDoesNotTouchMe() {
        redis.value(String.class).setex(DenyList.userKey(UUID.randomUUID().toString()), 600, String.valueOf(now));
        given().auth().oauth2(TestKeys.validToken()).get("/api/users/me").then().statusCode(200);
    }

    @Test
    void publicPathsIgnoreTheDenyList() {
        String user = UUID.randomUUID().toString();
        String sid = UUID.randomUUID().toString();
        redis.value(String.class).setex(DenyList.sessionKey(sid), 600, String.valueOf(now));
        // login itself decides what a revoked session may still do (e.g. nothing but log in again)
        given().auth()
                .oauth2(TestKeys.sign(TestKeys.claims(user, sid, now)))
                .contentType("application/json")
                .body("{}")
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .body("upstream", is("login"));
    }

    /**
     * The local deny-list mirror learns of a write a moment after Redis has it (a keyspace notification): wait up
     * to the second the contract allows (DenyListMirrorTest proves that second), so these tests see the decision.
     */
    private void seen(AccessToken revoked) {
        long end = System.currentTimeMillis() + 1_000;
        while (Boolean.FALSE.equals(mirror.revoked(revoked)) && System.currentTimeMillis() < end) {
            Thread.onSpinWait();
        }
    }
}
