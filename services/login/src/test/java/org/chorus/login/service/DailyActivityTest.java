package org.chorus.login.service;

import static org.chorus.login.support.Http.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** user-active: the first login or refresh of a UTC day announces the user, nothing else that day does. */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DailyActivityTest {

    @Inject
    Db db;

    private long announced(UUID accountId) {
        return ((Number) db.single(
                        "select count(*) from outbox_event where aggregateid = ?1 and type = ?2",
                        accountId.toString(),
                        Events.USER_ACTIVE.type()))
                .longValue();
    }

    private static JsonPath refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken))
                .post("/api/auth/refresh")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theFirstLoginOfTheDayIsAnnouncedOnceAndLaterLoginsAndRefreshesAreNot() {
        Instant before = Instant.now();
        Accounts.SignedUp account = Accounts.signUp();
        assertEquals(0, announced(account.id()), "signing up is not being active");

        JsonPath first = account.login();
        assertEquals(1, announced(account.id()));
        account.login();
        JsonPath refreshed = refresh(first.getString("refreshToken"));
        refresh(refreshed.getString("refreshToken"));
        assertEquals(1, announced(account.id()), "a second login and two refreshes the same day add nothing");

        ConsumerRecord<String, String> record = TestEvents.await(
                Events.USER_ACTIVE.topic(), r -> account.id().toString().equals(r.key()), Duration.ofSeconds(30));
        JsonPath event = JsonPath.from(record.value());
        assertEquals(account.id().toString(), event.getString("userId"));
        Instant activeAt = Instant.parse(event.getString("activeAt"));
        assertTrue(!activeAt.isBefore(before) && !activeAt.isAfter(Instant.now()), "activeAt is the login's time");
    }

    @Test
    void theFirstRefreshOfANewDayIsAnnounced() {
        Accounts.SignedUp account = Accounts.signUp();
        JsonPath login = account.login();
        assertEquals(1, announced(account.id()));

        // the account was last announced yesterday: today's first refresh (the lean path defers it) announces it
        db.sql("update account_activity set last_day = last_day - 1 where account_id = ?1", account.id());
        JsonPath refreshed = refresh(login.getString("refreshToken"));
        assertEquals(2, announced(account.id()));
        refresh(refreshed.getString("refreshToken"));
        assertEquals(2, announced(account.id()), "the next refresh takes the lean path again, silently");
    }
}
