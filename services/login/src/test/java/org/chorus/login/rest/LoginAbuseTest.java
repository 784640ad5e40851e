package org.chorus.login.rest;

import static org.chorus.login.support.Http.from;
import static org.chorus.login.support.Http.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Http;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class LoginAbuseTest {

    @Inject
    RedisDataSource redis;

    private static Response attempt(String ip, String login, String password) {
        return from(ip).contentType(ContentType.JSON)
                .body(Map.of("login", login, "password", password))
                .post("/api/auth/login");
    }

    private static Response attempt(String login, String password) {
        return attempt(Http.randomAddress(), login, password);
    }

    private static void failTimes(Accounts.SignedUp account, int times) {
        for (int i = 0; i < times; i++) {
            attempt(account.username(), "wrong password " + i).then().statusCode(401);
        }
    }

    private long lockTtl(Accounts.SignedUp account) {
        return redis.key().ttl("login:lock:acct:" + account.id());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheLockLooksExactlyLikeAWrongPassword() throws Exception {
        Accounts.SignedUp account = Accounts.signUp();
        Response wrong = attempt(account.username(), "wrong password");
        failTimes(account, 4);

        Response lockedWithRightPassword = attempt(account.username(), Accounts.PASSWORD);
        assertEquals(401, lockedWithRightPassword.statusCode());
        assertEquals(wrong.asString(), lockedWithRightPassword.asString());
        assertEquals(wrong.contentType(), lockedWithRightPassword.contentType());
        Response unknown = attempt("nobody_" + account.username(), "wrong password");
        assertEquals(wrong.asString(), unknown.asString());
        long ttl = lockTtl(account);
        assertTrue(ttl > 0 && ttl <= 30, "first lock is 30 s, was " + ttl);

        ConsumerRecord<String, String> locked = TestEvents.await(
                Events.ACCOUNT_LOCKED.topic(), r -> account.id().toString().equals(r.key()), Duration.ofSeconds(20));
        JsonNode data = new ObjectMapper().readTree(locked.value());
        assertEquals(5, data.get("failures").asInt());
        ConsumerRecord<String, String> failed = TestEvents.await(
                Events.LOGIN_FAILED.topic(), r -> account.id().toString().equals(r.key()), Duration.ofSeconds(20));
        assertEquals("chorus.login-failed.v1", TestEvents.header(failed, "ce_type"));
        assertEquals(
                "bad-password",
                new ObjectMapper().readTree(failed.value()).get("reason").asText());
    }

    @Test
    void theLockExpiresAndTheNextLockIsLonger() {
        Accounts.SignedUp account = Accounts.signUp();
        failTimes(account, 5);
        attempt(account.username(), Accounts.PASSWORD).then().statusCode(401);

        redis.key().pexpire("login:lock:acct:" + account.id(), 300); // let the 30 s pass quickly
        await(() -> !redis.key().exists("login:lock:acct:" + account.id()));
        // one more failure after the lock: locked again, for twice as long
        attempt(account.username(), "wrong again").then().statusCode(401);
        long ttl = lockTtl(account);
        assertTrue(ttl > 30 && ttl <= 60, "second lock is 60 s, was " + ttl);

        redis.key().pexpire("login:lock:acct:" + account.id(), 300);
        await(() -> !redis.key().exists("login:lock:acct:" + account.id()));
        attempt(account.username(), Accounts.PASSWORD).then().statusCode(200);
    }

    @Test
    void aSuccessfulLoginResetsTheRunOfFailures() {
        Accounts.SignedUp account = Accounts.signUp();
        failTimes(account, 4);
        attempt(account.username(), Accounts.PASSWORD).then().statusCode(200);
        failTimes(account, 4);
        attempt(account.username(), Accounts.PASSWORD).then().statusCode(200);
        assertFalse(redis.key().exists("login:lock:acct:" + account.id()));
    }

    @Test
    void theHundredthFailureInAnHourLocksUntilTheHourIsOver() {
        Accounts.SignedUp account = Accounts.signUp();
        // 99 failures spread so that the lockout never triggered (as if spaced out over the hour)
        redis.value(Long.class).setex("login:fail:acct-hour:" + account.id(), 3000, 99L);
        attempt(account.username(), "wrong password").then().statusCode(401);
        long ttl = lockTtl(account);
        assertTrue(ttl > 15 * 60 && ttl <= 3000, "locked for the rest of the hour, was " + ttl);
        attempt(account.username(), Accounts.PASSWORD).then().statusCode(401);
    }

    @Test
    void anAddressWithTooManyFailuresGets429WithRetryAfterEvenWithTheRightPassword() {
        String ip = Http.randomAddress();
        Accounts.SignedUp account = Accounts.signUp();
        for (int i = 0; i < 30; i++) {
            attempt(ip, "nobody_" + i + "_" + account.username(), "wrong")
                    .then()
                    .statusCode(401);
        }
        Response throttled = attempt(ip, account.username(), Accounts.PASSWORD);
        assertEquals(429, throttled.statusCode());
        assertEquals("application/problem+json", throttled.contentType());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // another address is not affected
        attempt(Http.randomAddress(), account.username(), Accounts.PASSWORD)
                .then()
                .statusCode(200);
    }

    @Test
    void signUpsFromOneAddressAreLimitedTo10AnHour() {
        String ip = Http.randomAddress();
        for (int i = 0; i < 10; i++) {
            String username = Accounts.randomUsername();
            from(ip).contentType(ContentType.JSON)
                    .body(Map.of(
                            "email", username + "@example.org", "username", username, "password", Accounts.PASSWORD))
                    .post("/api/auth/signup")
                    .then()
                    .statusCode(201);
        }
        String username = Accounts.randomUsername();
        from(ip).contentType(ContentType.JSON)
                .body(Map.of("email", username + "@example.org", "username", username, "password", Accounts.PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", username + "@example.org", "username", username, "password", Accounts.PASSWORD))
                .post("/api/auth/signup")
                .then()
                .statusCode(201);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
