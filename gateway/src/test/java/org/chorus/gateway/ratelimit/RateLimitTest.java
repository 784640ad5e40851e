package org.chorus.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.chorus.gateway.GatewayMetrics;
import org.chorus.gateway.config.GatewayConfig;
import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;

/** Limits per caller and route class, in Redis; posting is limited to 3 per 5 minutes in the test profile. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class RateLimitTest {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    GatewayMetrics metrics;

    @Test
    void everyAnswerCarriesThePolicyAndTheCallersState() {
        String token = tokenOf(UUID.randomUUID().toString());
        given().auth().oauth2(token).get("/api/users/me").then().statusCode(200)
                .header("RateLimit-Policy", "\"reads\";q=300;w=60")
                .header("RateLimit", matchesPattern("\"reads\";r=299;t=\\d+"));
        given().auth().oauth2(token).get("/api/users/me").then().statusCode(200)
                // one request's worth comes back every 200 ms
                .header("RateLimit", matchesPattern("\"reads\";r=29[89];t=\\d+"));
        given().auth().oauth2(token).contentType("application/json").body("{}").patch("/api/users/me")
                .then().statusCode(200).header("RateLimit-Policy", "\"writes\";q=120;w=60");
        given().auth().oauth2(token).contentType("image/png").body(new byte[] { 1, 2, 3 }).put("/api/users/me/avatar")
                .then().statusCode(200).header("RateLimit-Policy", "\"uploads\";q=30;w=1800");
    }

    @Test
    void refusedTokensAndTheAuthenticationPathsAreCountedToo() {
        given().get("/api/feed").then().statusCode(401)
                .header("RateLimit-Policy", "\"reads\";q=300;w=60")
                .header("RateLimit", matchesPattern("\"reads\";r=\\d+;t=\\d+"));
        given().contentType("application/json").body("{}").post("/api/auth/login").then().statusCode(200)
                .header("RateLimit-Policy", "\"authentication\";q=20;w=300");
    }

    @Test
    void overTheLimitIs429ProblemJsonWithRetryAfter() {
        String token = tokenOf(UUID.randomUUID().toString());
        for (int i = 2; i >= 0; i--) {
            given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/posts")
                    .then().statusCode(200).header("RateLimit", matchesPattern("\"posting\";r=" + i + ";t=\\d+"));
        }
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/posts")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", is("https://chorus.dev/problems/too-many-requests"))
                .body("status", is(429))
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit", matchesPattern("\"posting\";r=0;t=\\d+"))
                .header("RateLimit-Policy", "\"posting\";q=3;w=300");
        // another user's budget is untouched
        given().auth().oauth2(tokenOf(UUID.randomUUID().toString())).contentType("application/json").body("{}")
                .post("/api/posts").then().statusCode(200);
        // and reading is another class
        given().auth().oauth2(token).get("/api/posts/1").then().statusCode(200);
    }

    @Test
    void twoGatewayReplicasSpendFromOneBudget() throws Exception {
        String hosts = ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class);
        Redis client = Redis.createClient(vertx, hosts);
        try {
            RateLimiter otherReplica = new RateLimiter(vertx, RedisAPI.api(client), metrics, config.rateLimit());
            String sub = UUID.randomUUID().toString();
            String token = tokenOf(sub);
            Decision first = otherReplica.acquire(RouteClass.POSTING, "user:" + sub)
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertTrue(first.allowed());
            assertEquals(2, first.remaining());
            given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/posts")
                    .then().statusCode(200).header("RateLimit", matchesPattern("\"posting\";r=1;t=\\d+"));
            Decision third = otherReplica.acquire(RouteClass.POSTING, "user:" + sub)
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertTrue(third.allowed());
            assertEquals(0, third.remaining());
            given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/posts")
                    .then().statusCode(429);
            Decision refused = otherReplica.acquire(RouteClass.POSTING, "user:" + sub)
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertFalse(refused.allowed());
            assertTrue(refused.retryAfterMillis() > 0 && refused.retryAfterMillis() <= 100_000,
                    "one post comes back every 100 s: " + refused.retryAfterMillis());
        } finally {
            client.close();
        }
    }

    @Test
    void routeClasses() {
        assertEquals(RouteClass.AUTHENTICATION, RouteClass.of(io.vertx.core.http.HttpMethod.POST, "/api/auth/signup", null));
        assertEquals(RouteClass.AUTHENTICATION, RouteClass.of(io.vertx.core.http.HttpMethod.POST, "/api/auth/password-reset", null));
        assertEquals(RouteClass.AUTHENTICATION, RouteClass.of(io.vertx.core.http.HttpMethod.POST, "/api/auth/token", null));
        assertEquals(RouteClass.WRITES, RouteClass.of(io.vertx.core.http.HttpMethod.POST, "/api/auth/refresh", null));
        assertEquals(RouteClass.POSTING, RouteClass.of(io.vertx.core.http.HttpMethod.POST, "/api/posts/p1/comments", null));
        assertEquals(RouteClass.POSTING, RouteClass.of(io.vertx.core.http.HttpMethod.POST, "/api/comments", null));
        assertEquals(RouteClass.WRITES, RouteClass.of(io.vertx.core.http.HttpMethod.PUT, "/api/posts/p1", "application/json"));
        assertEquals(RouteClass.UPLOADS, RouteClass.of(io.vertx.core.http.HttpMethod.PUT, "/api/users/me/avatar", "multipart/form-data; boundary=x"));
        assertEquals(RouteClass.READS, RouteClass.of(io.vertx.core.http.HttpMethod.HEAD, "/api/posts", null));
    }

    private static String tokenOf(String sub) {
        return TestKeys.sign(TestKeys.claims(sub, UUID.randomUUID().toString(), Instant.now().getEpochSecond()));
    }
}
