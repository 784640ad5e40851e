package org.chorus.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.events.Events;
import org.chorus.events.login.PasswordResetRequested;
import org.chorus.events.login.UserCreated;
import org.chorus.notifications.support.Deliveries;
import org.chorus.notifications.support.FlakyMailTransport;
import org.chorus.testing.AccessChecks;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DeliveryResourceTest {

    /** Events are consumed and mails sent asynchronously. */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(20);

    private static final String PATH = "/api/notifications/deliveries";

    @Inject
    Deliveries deliveries;

    @Inject
    FlakyMailTransport transport;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestJwt.token(UUID.randomUUID(), "boss", "user", "admin"));
    }

    private static String randomEmail() {
        return "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    @Test
    void anAdminPagesThroughTheDeliveriesToOneAddressNewestFirstWithoutSeeingTheLinks() {
        String email = randomEmail();
        UUID userId = UUID.randomUUID();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String link = "https://chorus.test/reset/" + UUID.randomUUID();
            links.add(link);
            TestEvents.publish(
                    Events.PASSWORD_RESET_REQUESTED,
                    userId.toString(),
                    new PasswordResetRequested(
                            userId, email, "someone", link, Instant.now().plusSeconds(1800)));
        }
        await("three sent deliveries")
                .atMost(WAIT)
                .until(() -> deliveries.to(email).stream()
                                .filter(r -> r.status().equals("SENT"))
                                .count()
                        == 3);

        Response first =
                admin().queryParam("recipient", email).queryParam("limit", 2).get(PATH);
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", not(nullValue()));
        String cursor = first.jsonPath().getString("nextCursor");
        Response second = admin().queryParam("recipient", email)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get(PATH);
        second.then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());

        List<Instant> created = new ArrayList<>();
        var ids = new HashSet<String>();
        for (JsonPath page : List.of(first.jsonPath(), second.jsonPath())) {
            for (int i = 0; i < page.getList("items").size(); i++) {
                assertEquals(email, page.getString("items[" + i + "].recipient"));
                assertEquals("PASSWORD_RESET", page.getString("items[" + i + "].kind"));
                assertEquals("SENT", page.getString("items[" + i + "].status"));
                assertEquals(1, page.getInt("items[" + i + "].attempts"));
                assertNotNull(page.getString("items[" + i + "].sentAt"));
                ids.add(page.getString("items[" + i + "].id"));
                created.add(Instant.parse(page.getString("items[" + i + "].createdAt")));
            }
        }
        assertEquals(3, ids.size(), "three different deliveries over the two pages");
        assertFalse(created.get(0).isBefore(created.get(1)), "newest first: " + created);
        assertFalse(created.get(1).isBefore(created.get(2)), "newest first: " + created);

        String bodies = first.asString() + second.asString();
        String stored = String.join(" ", deliveries.dataTo(email));
        for (String link : links) {
            assertFalse(bodies.contains(link), "the log never shows a one-time link");
            assertFalse(stored.contains(link), "a sent delivery no longer stores its one-time link");
        }
        assertTrue(stored.contains("someone"), "the rest of the template data is kept: " + stored);
    }

    @Test
    void aDeliveryThatKeptFailingIsListedAsFailedWithItsLastError() {
        String email = randomEmail();
        UUID id = UUID.randomUUID();
        transport.failNext(email, 1000);
        TestEvents.publish(Events.USER_CREATED, id.toString(), new UserCreated(id, "failing", email, Instant.now()));
        await("delivery failed")
                .atMost(WAIT)
                .until(() ->
                        deliveries.to(email).stream().anyMatch(r -> r.status().equals("FAILED")));

        admin().queryParam("recipient", email.toUpperCase())
                .queryParam("status", "failed")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("WELCOME"))
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].attempts", equalTo(4))
                .body("items[0].sentAt", nullValue())
                .body("items[0].lastError", org.hamcrest.Matchers.containsString("mail server refused"));
        admin().queryParam("recipient", email)
                .queryParam("status", "SENT")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void withoutALimitAtMost20AreReturned() {
        JsonPath page = admin().get(PATH).then().statusCode(200).extract().jsonPath();
        assertTrue(page.getList("items").size() <= 20);
    }

    @Test
    void aUserWithoutTheAdminRoleGets403() {
        AccessChecks.readIsForbiddenTo(PATH, "user", "moderator");
    }

    @Test
    void noTokenAnExpiredOneOrOneSignedByAnotherKeyGets401() {
        AccessChecks.readNeedsAValidToken(PATH);
    }

    @Test
    void aBadLimitStatusCursorOrRecipientIs400ProblemJson() {
        for (String limit : List.of("0", "101", "ten", "-1")) {
            admin().queryParam("limit", limit).get(PATH).then().statusCode(400).contentType("application/problem+json");
        }
        admin().queryParam("status", "LOST").get(PATH).then().statusCode(400).contentType("application/problem+json");
        admin().queryParam("cursor", "not-a-cursor!")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().queryParam("cursor", "bm9wZQ").get(PATH).then().statusCode(400).contentType("application/problem+json");
        admin().queryParam("recipient", "x".repeat(321))
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
