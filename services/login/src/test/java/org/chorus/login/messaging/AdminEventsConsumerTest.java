package org.chorus.login.messaging;

import static org.chorus.login.support.Http.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.events.admin.RoleGranted;
import org.chorus.events.admin.RoleRevoked;
import org.chorus.events.admin.UserReinstated;
import org.chorus.events.admin.UserSuspended;
import org.chorus.login.service.AdminDecisions;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** admin's events, published for real on Kafka; login consumes them as "login". */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class AdminEventsConsumerTest {

    private static final UUID MODERATOR = UUID.randomUUID();

    @Inject
    RedisDataSource redis;
    @Inject
    AdminDecisions decisions;

    @SuppressWarnings("unchecked")
    private static List<String> groupsAfterLogin(Accounts.SignedUp account) {
        return (List<String>) Jwts.claims(account.login().getString("accessToken")).get("groups");
    }

    private static int loginStatus(Accounts.SignedUp account) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/login").statusCode();
    }

    @Test
    void aGrantedRoleAppearsInTheGroupsOfNewTokens() {
        Accounts.SignedUp account = Accounts.signUp();
        TestEvents.publish(Events.ROLE_GRANTED, account.id().toString(),
                new RoleGranted(account.id(), "moderator", MODERATOR, Instant.now()));
        await(() -> groupsAfterLogin(account).contains("moderator"));
        assertTrue(groupsAfterLogin(account).contains("user"));
    }

    @Test
    void aGrantedRoleAppearsInTheTokenOfTheNextRefreshOfALiveSession() {
        Accounts.SignedUp account = Accounts.signUp();
        AtomicReference<String> refresh = new AtomicReference<>(account.login().getString("refreshToken"));
        AtomicReference<String> access = new AtomicReference<>();
        TestEvents.publish(Events.ROLE_GRANTED, account.id().toString(),
                new RoleGranted(account.id(), "moderator", MODERATOR, Instant.now()));
        await(() -> {
            JsonPath refreshed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh.get()))
                    .post("/api/auth/refresh").then().statusCode(200).extract().jsonPath();
            refresh.set(refreshed.getString("refreshToken"));
            access.set(refreshed.getString("accessToken"));
            return ((List<?>) Jwts.claims(access.get()).get("groups")).contains("moderator");
        });
        given().auth().oauth2(access.get()).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aRevokedRoleVoidsTokensCarryingItAndARefreshGivesOneWithout() {
        Accounts.SignedUp account = Accounts.signUp();
        TestEvents.publish(Events.ROLE_GRANTED, account.id().toString(),
                new RoleGranted(account.id(), "admin", MODERATOR, Instant.now()));
        await(() -> groupsAfterLogin(account).contains("admin"));
        JsonPath admin = account.login();

        TestEvents.publish(Events.ROLE_REVOKED, account.id().toString(),
                new RoleRevoked(account.id(), "admin", MODERATOR, Instant.now()));
        await(() -> given().auth().oauth2(admin.getString("accessToken")).get("/api/auth/me").statusCode() == 401);

        String denied = redis.value(String.class).get("login:deny:user:" + account.id());
        assertNotNull(denied);
        // at once, even in the second of the revocation: the session lives on, and its next token passes
        JsonPath refreshed = given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", admin.getString("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("user"), Jwts.claims(refreshed.getString("accessToken")).get("groups"));
        given().auth().oauth2(refreshed.getString("accessToken")).get("/api/auth/me").then().statusCode(200);
        // what the gateway compares: revoked at or after iat → refused
        assertTrue(Long.parseLong(denied) >= Jwts.claimsIat(admin.getString("accessToken")));
        assertTrue(Long.parseLong(denied) < Jwts.claimsIat(refreshed.getString("accessToken")));
    }

    @Test
    void aSuspensionBlocksLoginEndsSessionsAndDenyListsTheUserUntilReinstated() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath before = account.login();

        TestEvents.publish(Events.USER_SUSPENDED, account.id().toString(),
                new UserSuspended(account.id(), "spam", null, MODERATOR, Instant.now()));
        await(() -> loginStatus(account) == 403);
        given().contentType(ContentType.JSON)
                .body(Map.of("login", account.username(), "password", Accounts.PASSWORD))
                .post("/api/auth/login").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/account-suspended"))
                .body("detail", containsString("until further notice"))
                .body("$", not(hasKey("suspendedUntil")));

        given().auth().oauth2(before.getString("accessToken")).get("/api/auth/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", before.getString("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(401);
        String denied = redis.value(String.class).get("login:deny:user:" + account.id());
        assertNotNull(denied);
        assertTrue(Long.parseLong(denied) >= Jwts.claimsIat(before.getString("accessToken")));
        assertTrue(redis.key().ttl("login:deny:user:" + account.id()) > 500);
        // a wrong password still says nothing about the suspension
        given().contentType(ContentType.JSON).body(Map.of("login", account.username(), "password", "wrong!!!!"))
                .post("/api/auth/login").then().statusCode(401);

        TestEvents.publish(Events.USER_REINSTATED, account.id().toString(),
                new UserReinstated(account.id(), MODERATOR, Instant.now()));
        await(() -> loginStatus(account) == 200);
        given().auth().oauth2(account.login().getString("accessToken")).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aSuspensionWithAnEndLetsTheUserBackInAfterIt() throws InterruptedException {
        Accounts.SignedUp account = Accounts.signUp();
        // applied directly (consumption lag would eat a short suspension before the test sees it)
        // long enough for a login on a loaded machine (a 2-second one ended before the login was checked)
        Instant until = Instant.now().plusSeconds(15);
        QuarkusTransaction.requiringNew().run(() -> decisions.suspend(
                new UserSuspended(account.id(), "cool down", until, MODERATOR, Instant.now())));
        String suspendedUntil = given().contentType(ContentType.JSON)
                .body(Map.of("login", account.email(), "password", Accounts.PASSWORD))
                .post("/api/auth/login").then().statusCode(403)
                .body("type", endsWith("/account-suspended"))
                .extract().path("suspendedUntil");
        // PostgreSQL keeps microseconds, rounded
        assertTrue(Duration.between(until, Instant.parse(suspendedUntil)).abs().toNanos() <= 1_000, suspendedUntil);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()) + 100);
        assertEquals(200, loginStatus(account));
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        Accounts.SignedUp account = Accounts.signUp();
        String revokeId = UUID.randomUUID().toString();
        String revoke = "{\"userId\":\"" + account.id() + "\",\"role\":\"moderator\",\"revokedBy\":\"" + MODERATOR
                + "\",\"revokedAt\":\"" + Instant.now() + "\"}";
        TestEvents.publish(Events.ROLE_GRANTED, account.id().toString(),
                new RoleGranted(account.id(), "moderator", MODERATOR, Instant.now()));
        await(() -> groupsAfterLogin(account).contains("moderator"));
        TestEvents.publish(Events.ROLE_REVOKED.topic(), account.id().toString(), revokeId, Events.ROLE_REVOKED.type(),
                revoke);
        await(() -> !groupsAfterLogin(account).contains("moderator"));
        TestEvents.publish(Events.ROLE_GRANTED, account.id().toString(),
                new RoleGranted(account.id(), "moderator", MODERATOR, Instant.now()));
        await(() -> groupsAfterLogin(account).contains("moderator"));

        // Kafka delivers the revocation again: same event id, so nothing happens
        TestEvents.publish(Events.ROLE_REVOKED.topic(), account.id().toString(), revokeId, Events.ROLE_REVOKED.type(),
                revoke);
        String marker = UUID.randomUUID().toString(); // a later event on the same key: once it is applied, so was the redelivery
        TestEvents.publish(Events.ROLE_GRANTED.topic(), account.id().toString(), marker, Events.ROLE_GRANTED.type(),
                "{\"userId\":\"" + account.id() + "\",\"role\":\"admin\",\"grantedBy\":\"" + MODERATOR
                        + "\",\"grantedAt\":\"" + Instant.now() + "\"}");
        await(() -> groupsAfterLogin(account).contains("admin"));
        assertTrue(groupsAfterLogin(account).contains("moderator"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        TestEvents.publish(Events.USER_SUSPENDED.topic(), key, UUID.randomUUID().toString(),
                Events.USER_SUSPENDED.type(), "{not json");
        TestEvents.await(Events.USER_SUSPENDED.deadLetterTopic("login"), r -> key.equals(r.key()),
                Duration.ofSeconds(30));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
