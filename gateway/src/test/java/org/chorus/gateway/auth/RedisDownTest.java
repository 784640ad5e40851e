package org.chorus.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Redis unreachable, default mode (fail open): verified tokens pass, counted and reported. */
@QuarkusTest
@TestProfile(RedisDownTest.RedisDown.class)
@WithTestResource(FakeUpstreams.class)
class RedisDownTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on port 1
            return Map.of("quarkus.redis.hosts", "redis://localhost:1");
        }
    }

    @Test
    void aVerifiedTokenStillPassesAndTheOutageIsCounted() {
        given().auth().oauth2(TestKeys.validToken()).get("/api/feed")
                .then().statusCode(200).body("upstream", is("content"));
        given().get("/q/metrics").then()
                .body(containsString("chorus_gateway_denylist_unavailable_total{mode=\"fail_open\"}"));
    }

    @Test
    void rateLimitsFailOpenTooCountedAndWithThePolicyStillAnnounced() {
        given().auth().oauth2(TestKeys.validToken()).get("/api/users/me")
                .then().statusCode(200)
                .header("RateLimit-Policy", "\"reads\";q=300;w=60")
                // Redis could not say how much is left
                .header("RateLimit", org.hamcrest.Matchers.nullValue());
        given().get("/q/metrics").then().body(containsString("chorus_gateway_ratelimit_unavailable_total"));
    }

    @Test
    void failingOpenDoesNotLetBadTokensThrough() {
        given().auth().oauth2("abc").get("/api/feed").then().statusCode(401);
        given().get("/api/feed").then().statusCode(401);
    }

    @Test
    void theGatewayStaysReadyButSaysRedisIsDown() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'deny-list (Redis)' }.data.redis", startsWith("down"))
                .body("checks.find { it.name == 'deny-list (Redis)' }.data.failOpen", is(true));
    }
}
