package org.chorus.admin.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.login.UserCreated;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class StatsResourceTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestJwt.token(UUID.randomUUID(), "boss", "user", "admin"));
    }

    /** A day of its own, far in the past, so no other test's sign-ups land on it. */
    private static LocalDate randomDay() {
        return LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 10_000));
    }

    private static String signUpOn(LocalDate day) {
        UUID id = UUID.randomUUID();
        String name = "u" + id.toString().substring(0, 8);
        return TestEvents.publish(
                Events.USER_CREATED,
                id.toString(),
                new UserCreated(
                        id, name, name + "@example.com", day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    private static JsonPath statsFor(LocalDate day) {
        return admin().queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/api/admin/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int countOn(LocalDate day) {
        JsonPath stats = statsFor(day);
        return stats.getList("signupsByDay").isEmpty() ? 0 : stats.getInt("signupsByDay[0].signups");
    }

    private static void awaitCount(LocalDate day, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (countOn(day) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sign-ups on " + day + " never reached " + expected);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void userCreatedEventsAreCountedPerDayAndInTheTotal() {
        LocalDate day = randomDay();
        long before = statsFor(day).getLong("totalSignups");
        signUpOn(day);
        signUpOn(day);

        awaitCount(day, 2);
        JsonPath stats = statsFor(day);
        assertEquals(2, stats.getInt("signupsByDay[0].signups"));
        assertEquals(day.toString(), stats.getString("signupsByDay[0].day"));
        assertEquals(before + 2, stats.getLong("totalSignups"));
    }

    @Test
    void theSameEventDeliveredTwiceIsCountedOnce() {
        LocalDate day = randomDay();
        LocalDate laterDay = day.plusDays(1);
        UUID id = UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        TestEvents.publish(Topics.USER_CREATED, id.toString(), ceId, Events.USER_CREATED.type(), json(id, day));
        TestEvents.publish(Topics.USER_CREATED, id.toString(), ceId, Events.USER_CREATED.type(), json(id, day));
        // a later event with the same key (same partition) on another day: once it is counted,
        // both copies before it have been handled
        TestEvents.publish(
                Topics.USER_CREATED,
                id.toString(),
                UUID.randomUUID().toString(),
                Events.USER_CREATED.type(),
                json(id, laterDay));

        awaitCount(laterDay, 1);
        assertEquals(1, countOn(day), "the redelivered event is counted once");
    }

    private static String json(UUID id, LocalDate day) {
        return "{\"userId\":\"" + id + "\",\"username\":\"dup\",\"email\":\"dup@example.com\",\"createdAt\":\""
                + day.atTime(8, 0).toInstant(ZoneOffset.UTC) + "\"}";
    }

    @Test
    void theDefaultWindowIsTheLast30DaysNewestFirst() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        signUpOn(today);
        awaitCount(today, 1);
        admin().get("/api/admin/stats")
                .then()
                .statusCode(200)
                .body("from", equalTo(today.minusDays(29).toString()))
                .body("to", equalTo(today.toString()))
                .body("signupsByDay[0].day", equalTo(today.toString()));
    }

    @Test
    void daysWithoutSignUpsAreLeftOut() {
        // before the range randomDay() draws from, so no test ever signs anyone up on these days
        LocalDate quiet =
                LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 300));
        LocalDate busy = quiet.plusDays(3);
        signUpOn(busy);
        awaitCount(busy, 1);
        admin().queryParam("from", quiet.toString())
                .queryParam("to", busy.plusDays(2).toString())
                .get("/api/admin/stats")
                .then()
                .statusCode(200)
                .body("signupsByDay", hasSize(1))
                .body("signupsByDay[0].day", equalTo(busy.toString()));
    }

    @Test
    void aUserWithoutTheAdminRoleGets403() {
        given().auth()
                .oauth2(TestJwt.token(UUID.randomUUID(), "someone", "user", "moderator"))
                .get("/api/admin/stats")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenAnExpiredOneOrOneSignedByAnotherKeyGets401() {
        given().get("/api/admin/stats").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(TestJwt.expired(UUID.randomUUID(), "old"))
                .get("/api/admin/stats")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestJwt.signedByOtherKey(UUID.randomUUID(), "mallory"))
                .get("/api/admin/stats")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aBadDateOrRangeIs400ProblemJson() {
        admin().queryParam("from", "yesterday")
                .get("/api/admin/stats")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01")
                .get("/api/admin/stats")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().queryParam("from", "2020-01-01")
                .queryParam("to", "2026-01-01")
                .get("/api/admin/stats")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aMalformedRecordGoesToTheAdminDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        TestEvents.publish(Topics.USER_CREATED, key, UUID.randomUUID().toString(), Events.USER_CREATED.type(), "{oops");
        ConsumerRecord<String, String> dead = TestEvents.await(
                Events.USER_CREATED.deadLetterTopic("admin"), r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("{oops", dead.value());
    }

    @Test
    void anEventWithoutCreatedAtGoesToTheDeadLetterTopicAndIsNotCounted() {
        UUID id = UUID.randomUUID();
        TestEvents.publish(
                Events.USER_CREATED, id.toString(), new UserCreated(id, "nodate", "nodate@example.com", null));
        TestEvents.await(
                Events.USER_CREATED.deadLetterTopic("admin"),
                r -> id.toString().equals(r.key()),
                Duration.ofSeconds(30));
    }
}
