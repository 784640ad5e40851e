package org.chorus.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Redis unreachable with chorus.gateway.deny-list.fail-open=false: protected requests get 503, public ones pass. */
@QuarkusTest
@TestProfile(RedisDownFailClosedTest.FailClosed.class)
@WithTestResource(FakeUpstreams.class)
class RedisDownFailClosedTest {

    public static class FailClosed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://localhost:1", "chorus.gateway.deny-list.fail-open", "false");
        }
    }

    @Test
    void aProtectedRequestGets503ProblemJson() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/feed")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", is("https://chorus.dev/problems/auth-unavailable"))
                .body("detail", is("Revoked sessions cannot be checked right now"));
    }

    @Test
    void publicPathsStillWork() {
        given().get("/api/pages/about").then().statusCode(200).body("upstream", is("content"));
    }

    @Test
    void theGatewayIsNotReady() {
        given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
    }
}
