package org.chorus.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.chorus.gateway.AccessToken;
import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The local deny-list mirror against a real Redis: it answers once loaded and its heartbeat comes back, a revocation
 * written straight to Redis (as login does) is effective through it within a second, a deleted entry is forgotten,
 * and when its notifications stop it falls silent and Redis is asked again — a revocation then counts at once.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class DenyListMirrorTest {

    @Inject
    DenyListMirror mirror;

    @Inject
    RedisDataSource redis;

    private final long now = Instant.now().getEpochSecond();

    @BeforeEach
    void mirrorIsFresh() {
        assertTrue(within(10_000, mirror::fresh), "the mirror never became fresh");
    }

    @Test
    void aSessionRevokedInRedisIsRefusedThroughTheMirrorWithinASecond() {
        String sid = UUID.randomUUID().toString();
        String token = TestKeys.sign(TestKeys.claims(UUID.randomUUID().toString(), sid, now));
        given().auth().oauth2(token).get("/api/users/me").then().statusCode(200);
        AccessToken parsed = new AccessToken("x", sid, now);
        assertEquals(Boolean.FALSE, mirror.revoked(parsed));

        redis.value(String.class).setex(DenyList.sessionKey(sid), 600, String.valueOf(now));

        assertTrue(within(1_000, () -> status(token) == 401), "revocation not effective within a second");
        assertEquals(Boolean.TRUE, mirror.revoked(parsed), "the mirror itself knows the revocation");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, status(token));
        }
    }

    @Test
    void aUserEntryCountsForTokensIssuedUntilItAndIsForgottenWhenDeleted() {
        String user = UUID.randomUUID().toString();
        AccessToken before = new AccessToken(user, null, now - 10);
        AccessToken after = new AccessToken(user, null, now + 10);
        redis.value(String.class).setex(DenyList.userKey(user), 600, String.valueOf(now));
        assertTrue(within(1_000, () -> Boolean.TRUE.equals(mirror.revoked(before))));
        assertEquals(Boolean.FALSE, mirror.revoked(after));

        redis.key().del(DenyList.userKey(user));
        assertTrue(within(1_000, () -> Boolean.FALSE.equals(mirror.revoked(before))));
    }

    @Test
    void withoutNotificationsTheMirrorFallsSilentAndRedisIsAskedAgain() {
        String sid = UUID.randomUUID().toString();
        String token = TestKeys.sign(TestKeys.claims(UUID.randomUUID().toString(), sid, now));
        String flags = notificationFlags();
        try {
            redis.execute("CONFIG", "SET", "notify-keyspace-events", "");
            // the heartbeat no longer comes back
            assertTrue(within(3_000, () -> !mirror.fresh()), "the mirror stayed fresh without notifications");
            assertEquals(null, mirror.revoked(new AccessToken("x", "y", now)));

            given().auth().oauth2(token).get("/api/users/me").then().statusCode(200);
            redis.value(String.class).setex(DenyList.sessionKey(sid), 600, String.valueOf(now));
            // not seen by the mirror, but Redis is asked: refused at once
            assertEquals(401, status(token));
            assertFalse(mirror.fresh());
        } finally {
            redis.execute("CONFIG", "SET", "notify-keyspace-events", flags);
        }
        assertTrue(within(3_000, mirror::fresh), "the mirror did not come back with its notifications");
        // what was written while it heard nothing is known after it is back (it loads everything again)
        assertEquals(Boolean.TRUE, mirror.revoked(new AccessToken("x", sid, now)));
        assertEquals(401, status(token));
    }

    private String notificationFlags() {
        io.vertx.mutiny.redis.client.Response reply = redis.execute("CONFIG", "GET", "notify-keyspace-events");
        try {
            return reply.get("notify-keyspace-events").toString(); // RESP3: a map
        } catch (RuntimeException notAMap) {
            return reply.get(1).toString();
        }
    }

    private static int status(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/users/me")
                .then()
                .extract()
                .statusCode();
    }

    private static boolean within(long millis, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.currentTimeMillis() > end) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
