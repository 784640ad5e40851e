package org.chorus.login.service;

import static org.chorus.login.support.Http.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Http;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every throttling counter is one atomic INCR-with-expiry: none is ever left without a TTL. */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class RateLimiterTest {

    @Inject
    RateLimiter limiter;
    @Inject
    RedisDataSource redis;
    @Inject
    Db db;

    private long pttl(String key) {
        return redis.key().pttl(key);
    }

    @Test
    void aCounterHasItsWindowAsExpiryFromItsFirstEventOn() {
        String key = "login:rl:test:" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, limiter.increment(key, Duration.ofMinutes(15)));
            long ttl = pttl(key);
            assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(15).toMillis(), "pttl " + ttl);
        }
    }

    @Test
    void laterEventsDoNotExtendTheWindow() throws InterruptedException {
        String key = "login:rl:test:" + UUID.randomUUID();
        limiter.increment(key, Duration.ofSeconds(10));
        Thread.sleep(1_100);
        limiter.increment(key, Duration.ofSeconds(10));
        assertTrue(pttl(key) <= 9_000, "a fixed window: the second event left the first's expiry");
    }

    @Test
    void aCounterLeftWithoutExpiryGetsOneAtItsNextEvent() {
        String key = "login:rl:test:" + UUID.randomUUID();
        redis.value(Long.class).set(key, 7L); // what INCR without its EXPIRE used to leave behind
        assertEquals(-1, pttl(key));
        assertEquals(8, limiter.increment(key, Duration.ofHours(1)));
        assertTrue(pttl(key) > 0);
    }

    @Test
    void concurrentFirstEventsCountEveryOneAndLeaveAnExpiry() throws Exception {
        String key = "login:rl:test:" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                counts.add(pool.submit(() -> limiter.increment(key, Duration.ofMinutes(1))));
            }
            long highest = 0;
            for (Future<Long> count : counts) {
                highest = Math.max(highest, count.get());
            }
            assertEquals(64, highest);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(64L, redis.value(Long.class).get(key));
        assertTrue(pttl(key) > 0);
    }

    @Test
    void theCountersOfAFailedLoginAllExpire() {
        Accounts.SignedUp account = Accounts.signUp();
        String address = Http.randomAddress();
        from(address).contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", "not the password at all"))
                .post("/api/auth/login").then().statusCode(401);
        for (String key : List.of("login:rl:login-fail-ip:" + address, "login:fail:acct:" + account.id(),
                "login:fail:acct-hour:" + account.id())) {
            assertEquals(1L, redis.value(Long.class).get(key), key);
            assertTrue(pttl(key) > 0, key + " has no expiry");
        }
    }

    @Test
    void aLoginNamingNoAccountIsCountedAgainstTheNamesStandInAndToldToNobody() {
        String name = Accounts.randomUsername();
        UUID standIn = LoginThrottle.Subject.standIn(name.toUpperCase()).id();
        String address = Http.randomAddress();
        from(address).contentType(ContentType.JSON)
                .body(Map.of("login", name, "password", "not the password at all"))
                .post("/api/auth/login").then().statusCode(401);
        for (String key : List.of("login:rl:login-fail-ip:" + address, "login:fail:acct:" + standIn,
                "login:fail:acct-hour:" + standIn)) {
            assertEquals(1L, redis.value(Long.class).get(key), key);
            assertTrue(pttl(key) > 0, key + " has no expiry");
        }
        assertEquals(3, standIn.version(), "a name-based id, never an account's (random, version 4)");
        // the failure's transaction ran and was rolled back: no login-failed for an account that does not exist
        assertEquals(0L, ((Number) db.single("select count(*) from outbox_event where aggregateid = ?1",
                standIn.toString())).longValue());
    }
}
