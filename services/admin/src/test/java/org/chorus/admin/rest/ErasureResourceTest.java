package org.chorus.admin.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.login.UserDeleted;
import org.chorus.events.privacy.ErasureConfirmed;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Erasure tracking: user-deleted opens a request, erasure-confirmed fills it, the list shows each service's state. */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class ErasureResourceTest {

    private static final String PATH = "/api/admin/erasures";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> OTHERS = List.of("content", "login", "notifications", "users");

    @Inject
    EntityManager entityManager;

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestJwt.token(UUID.randomUUID(), "boss", "user", "admin"));
    }

    /** The request of that user as the list with that state filter shows it, or null when it is not there. */
    private static Map<String, Object> find(String state, UUID userId) {
        String cursor = null;
        do {
            RequestSpecification request = asAdmin().queryParam("limit", 100);
            if (state != null) {
                request.queryParam("state", state);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PATH).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (userId.toString().equals(item.get("userId"))) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> item, String name) {
        return ((List<Map<String, Object>>) item.get("services"))
                .stream().filter(s -> name.equals(s.get("service"))).findFirst().orElseThrow();
    }

    private static void confirm(UUID userId, String service, Instant at) {
        TestEvents.publish(Events.ERASURE_CONFIRMED, userId.toString(), new ErasureConfirmed(userId, service, at));
    }

    private long confirmations(UUID userId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(
                                        "select count(*) from {h-schema}erasure_confirmation where user_id = :id")
                                .setParameter("id", userId)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void aDeletionIsPendingUntilEveryServiceConfirmsThenComplete() {
        UUID userId = UUID.randomUUID();
        TestEvents.publish(Events.USER_DELETED, userId.toString(), new UserDeleted(userId, Instant.now()));

        await("request opened").atMost(WAIT).until(() -> find("pending", userId) != null);
        Map<String, Object> pending = find("pending", userId);
        assertEquals("pending", pending.get("state"));
        // admin erased what it holds and confirmed for itself in the same transaction
        assertEquals("confirmed", service(pending, "admin").get("state"));
        assertNotNull(service(pending, "admin").get("confirmedAt"));
        for (String other : OTHERS) {
            assertEquals("pending", service(pending, other).get("state"), other);
            assertNull(service(pending, other).get("confirmedAt"), other);
        }
        assertNull(find("complete", userId));
        assertNull(find("overdue", userId));

        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String other : OTHERS) {
            confirm(userId, other, at);
        }
        await("request complete").atMost(WAIT).until(() -> find("complete", userId) != null);
        Map<String, Object> complete = find("complete", userId);
        assertEquals("complete", complete.get("state"));
        assertEquals(at, Instant.parse((String) service(complete, "users").get("confirmedAt")));
        assertNull(find("pending", userId));
        assertNotNull(find(null, userId));
    }

    @Test
    void aConfirmationBeforeItsRequestIsKeptAndApplied() {
        UUID userId = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        confirm(userId, "users", at);
        await("early confirmation kept").atMost(WAIT).until(() -> confirmations(userId) == 1);

        TestEvents.publish(Events.USER_DELETED, userId.toString(), new UserDeleted(userId, Instant.now()));
        await("request opened").atMost(WAIT).until(() -> find("pending", userId) != null);
        Map<String, Object> item = find("pending", userId);
        assertEquals("confirmed", service(item, "users").get("state"));
        assertEquals(at, Instant.parse((String) service(item, "users").get("confirmedAt")));
        assertEquals("pending", service(item, "content").get("state"));
    }

    @Test
    void aRedeliveredConfirmationCountsOnceAndTheFirstTimeWins() {
        UUID userId = UUID.randomUUID();
        Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        String ceId = UUID.randomUUID().toString();
        String json = "{\"userId\":\"" + userId + "\",\"service\":\"content\",\"erasedAt\":\"" + first + "\"}";
        TestEvents.publish(Topics.ERASURE_CONFIRMED, userId.toString(), ceId, Events.ERASURE_CONFIRMED.type(), json);
        TestEvents.publish(Topics.ERASURE_CONFIRMED, userId.toString(), ceId, Events.ERASURE_CONFIRMED.type(), json);
        // a second, distinct confirmation from the same service does not move its time
        confirm(userId, "content", Instant.now());
        TestEvents.publish(Events.USER_DELETED, userId.toString(), new UserDeleted(userId, Instant.now()));

        await("request opened").atMost(WAIT).until(() -> find("pending", userId) != null);
        // same key, same partition: once users' is in, content's redelivery and second confirmation were handled
        confirm(userId, "users", Instant.now());
        await("admin's, content's and users' confirmations").atMost(WAIT).until(() -> confirmations(userId) == 3);
        Map<String, Object> item = find("pending", userId);
        assertEquals(first, Instant.parse((String) service(item, "content").get("confirmedAt")));
    }

    @Test
    void aServiceThatHasNotConfirmedInTimeFlagsTheRequestOverdue() {
        UUID userId = UUID.randomUUID();
        Instant deletedAt = Instant.now().minus(Duration.ofHours(25));
        TestEvents.publish(Events.USER_DELETED, userId.toString(), new UserDeleted(userId, deletedAt));

        await("request overdue").atMost(WAIT).until(() -> find("overdue", userId) != null);
        Map<String, Object> item = find("overdue", userId);
        assertEquals("overdue", item.get("state"));
        assertEquals(
                deletedAt.plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MILLIS),
                Instant.parse((String) item.get("deadline")).truncatedTo(ChronoUnit.MILLIS));
        assertNull(find("pending", userId));

        // late confirmations still complete it
        for (String other : OTHERS) {
            confirm(userId, other, Instant.now());
        }
        await("request complete").atMost(WAIT).until(() -> find("complete", userId) != null);
        assertNull(find("overdue", userId));
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() {
        for (int i = 0; i < 3; i++) {
            UUID userId = UUID.randomUUID();
            TestEvents.publish(Events.USER_DELETED, userId.toString(), new UserDeleted(userId, Instant.now()));
            await("request opened").atMost(WAIT).until(() -> find(null, userId) != null);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        Instant previous = Instant.MAX;
        do {
            RequestSpecification request = asAdmin().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PATH).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= 1);
            for (Map<String, Object> item : items) {
                assertTrue(seen.add((String) item.get("userId")), "seen twice: " + item);
                Instant requestedAt = Instant.parse((String) item.get("requestedAt"));
                assertFalse(requestedAt.isAfter(previous), "not newest first");
                previous = requestedAt;
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertTrue(seen.size() >= 3, "only " + seen.size());
        assertNotEquals(1000, pages);
    }

    @Test
    void badInputIsAProblem() {
        asAdmin()
                .queryParam("state", "lost")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("invalid-state"));
        asAdmin().queryParam("limit", "0").get(PATH).then().statusCode(400).contentType("application/problem+json");
        asAdmin().queryParam("limit", "many").get(PATH).then().statusCode(400).contentType("application/problem+json");
        asAdmin()
                .queryParam("cursor", "not-a-cursor")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdministratorsSeeErasures() {
        given().get(PATH).then().statusCode(401);
        given().auth()
                .oauth2(TestJwt.token(UUID.randomUUID(), "someone", "user"))
                .get(PATH)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestJwt.token(UUID.randomUUID(), "mod", "user", "moderator"))
                .get(PATH)
                .then()
                .statusCode(403);
        asAdmin().get(PATH).then().statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
    }
}
