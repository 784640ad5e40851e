package org.chorus.login.rest;

import static org.chorus.login.support.Http.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RefreshRotationTest {

    @Inject
    Db db;

    @Inject
    RedisDataSource redis;

    private static UUID sid(JsonPath tokens) {
        return UUID.fromString(
                (String) Jwts.claims(tokens.getString("accessToken")).get("sid"));
    }

    @Test
    void replayingARotatedTokenAfterTheGraceWindowRevokesTheWholeSessionAndEmitsSessionCompromised() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath first = account.login();
        UUID sid = sid(first);
        JsonPath second = LoginResourceTest.refresh(first.getString("refreshToken"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        db.ageRotations(sid, "1 minute"); // the grace window is long over

        LoginResourceTest.refresh(first.getString("refreshToken"))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        // the legitimate holder of the successor is logged out too: the family is burnt
        LoginResourceTest.refresh(second.getString("refreshToken")).then().statusCode(401);
        given().auth()
                .oauth2(second.getString("accessToken"))
                .get("/api/auth/me")
                .then()
                .statusCode(401);
        assertEquals("refresh-token-reuse", db.single("select revoked_reason from login_session where id = ?1", sid));
        assertNotNull(redis.value(String.class).get("login:deny:sid:" + sid), "gateway deny-list entry");
        assertTrue(redis.key().ttl("login:deny:sid:" + sid) > 500, "lives about an access-token lifetime");

        ConsumerRecord<String, String> event = TestEvents.await(
                Events.SESSION_COMPROMISED.topic(),
                r -> account.id().toString().equals(r.key()),
                Duration.ofSeconds(20));
        assertEquals("chorus.session-compromised.v1", TestEvents.header(event, "ce_type"));
        JsonNode data = new ObjectMapper().readTree(event.value());
        assertEquals(sid.toString(), data.get("sessionId").asText());
        assertEquals(account.id().toString(), data.get("userId").asText());
    }

    @Test
    void twoConcurrentRefreshesWithTheSameTokenBothSucceedInsideTheGraceWindow() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath tokens = account.login();
        String refreshToken = tokens.getString("refreshToken");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<JsonPath> tab = () -> {
            start.await();
            return LoginResourceTest.refresh(refreshToken)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> tabs = pool.invokeAll(List.of(tab, tab));
            JsonPath a = tabs.get(0).get();
            JsonPath b = tabs.get(1).get();
            assertNotEquals(a.getString("refreshToken"), b.getString("refreshToken"));
            // neither tab was logged out: both successors still work, in the same session
            LoginResourceTest.refresh(a.getString("refreshToken")).then().statusCode(200);
            LoginResourceTest.refresh(b.getString("refreshToken")).then().statusCode(200);
            assertEquals(sid(tokens), sid(a));
            assertEquals(sid(tokens), sid(b));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionIdleForLongerThanTheIdleTimeoutCannotBeRefreshed() {
        JsonPath tokens = Accounts.signUp().login();
        db.sql("update login_session set last_used_at = now() - interval '15 days' where id = ?1", sid(tokens));
        LoginResourceTest.refresh(tokens.getString("refreshToken")).then().statusCode(401);
        assertEquals("expired", db.single("select revoked_reason from login_session where id = ?1", sid(tokens)));
    }

    @Test
    void aSessionPastItsAbsoluteLifetimeCannotBeRefreshedHoweverMuchItIsUsed() {
        JsonPath tokens = Accounts.signUp().login();
        db.sql("update login_session set expires_at = now() - interval '1 second' where id = ?1", sid(tokens));
        LoginResourceTest.refresh(tokens.getString("refreshToken")).then().statusCode(401);
    }

    @Test
    void absoluteLifetimeIsThirtyDaysFromLogin() {
        JsonPath tokens = Accounts.signUp().login();
        Object days = db.single(
                "select extract(day from expires_at - created_at) from login_session where id = ?1", sid(tokens));
        assertEquals(30, ((Number) days).intValue());
    }
}
