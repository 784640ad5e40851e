package org.chorus.admin.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.login.UserActive;
import org.chorus.events.login.UserDeleted;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Daily active users: distinct users per UTC day from user-active, readable by moderators and administrators. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ActiveUsersResourceTest {

    private static final String PATH = "/api/admin/stats/active-users";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    private static RequestSpecification as(String... roles) {
        return given().auth().oauth2(TestJwt.token(UUID.randomUUID(), "someone", roles));
    }

    /** A day of its own, far in the past, so no other test's events land on it. */
    private static LocalDate randomDay() {
        return LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 30_000));
    }

    private static void activeOn(UUID userId, LocalDate day, int hour) {
        TestEvents.publish(
                Events.USER_ACTIVE,
                userId.toString(),
                new UserActive(userId, day.atTime(hour, 0).toInstant(ZoneOffset.UTC)));
    }

    private static long countOn(LocalDate day) {
        JsonPath stats = as("user", "moderator")
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return stats.getList("activeUsersByDay").isEmpty() ? 0 : stats.getLong("activeUsersByDay[0].count");
    }

    private long rowsOf(UUID userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from {h-schema}active_user_day where user_id = :id")
                                .setParameter("id", userId)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void eachUserCountsOncePerDayHoweverOftenTheyAreReported() {
        LocalDate day = randomDay();
        LocalDate nextDay = day.plusDays(1);
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        activeOn(ada, day, 8);
        activeOn(ada, day, 20); // another event (another id) for the same user and day: still one user
        activeOn(bob, day, 12);
        // a later event with ada's key (her partition): once it is counted, both of hers before it were handled
        activeOn(ada, nextDay, 9);

        await().atMost(WAIT).until(() -> countOn(nextDay) == 1);
        await().atMost(WAIT).until(() -> countOn(day) == 2);
        JsonPath stats = as("user", "admin")
                .queryParam("from", day.toString())
                .queryParam("to", nextDay.toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(nextDay.toString(), stats.getString("activeUsersByDay[0].day"));
        assertEquals(1, stats.getLong("activeUsersByDay[0].count"));
        assertEquals(day.toString(), stats.getString("activeUsersByDay[1].day"));
        assertEquals(2, stats.getLong("activeUsersByDay[1].count"));
        assertEquals(day.toString(), stats.getString("from"));
    }

    @Test
    void erasureForgetsWhoWasActiveButKeepsTheCount() {
        LocalDate day = randomDay();
        UUID carol = UUID.randomUUID();
        activeOn(carol, day, 10);
        await().atMost(WAIT).until(() -> countOn(day) == 1);
        assertEquals(1, rowsOf(carol));

        TestEvents.publish(
                Events.USER_DELETED,
                carol.toString(),
                new UserDeleted(carol, day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        await().atMost(WAIT).until(() -> rowsOf(carol) == 0);
        assertEquals(1, countOn(day), "the day's count names nobody and stays");
    }

    @Test
    void plainUsersAndAnonymousCallersMayNotReadIt() {
        as("user").get(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void badDatesAndRangesAre400() {
        as("user", "admin")
                .queryParam("from", "yesterday")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("invalid-date"));
        as("user", "admin")
                .queryParam("to", "+999999999-12-31")
                .get(PATH)
                .then()
                .statusCode(400);
        as("user", "admin")
                .queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("invalid-range"));
        as("user", "admin")
                .queryParam("from", "2020-01-01")
                .queryParam("to", "2026-01-01")
                .get(PATH)
                .then()
                .statusCode(400);
    }

    @Test
    void anEventWithoutAUserIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        String noUser = "{\"activeAt\":\"2026-01-01T00:00:00Z\"}";
        TestEvents.publish(Topics.USER_ACTIVE, key, UUID.randomUUID().toString(), Events.USER_ACTIVE.type(), noUser);
        var dead = TestEvents.await(Events.USER_ACTIVE.deadLetterTopic("admin"), r -> key.equals(r.key()), WAIT);
        assertEquals(noUser, dead.value());
        as("user", "admin")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("to", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
    }
}
