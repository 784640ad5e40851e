package org.chorus.admin.messaging;

import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.AuditTestSupport.PATH;
import static org.chorus.admin.support.AuditTestSupport.WAIT;
import static org.chorus.admin.support.AuditTestSupport.admin;
import static org.chorus.admin.support.AuditTestSupport.loginFailed;
import static org.chorus.admin.support.AuditTestSupport.uniqueMoment;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.AuditEntry;
import org.chorus.admin.support.AuditRows;
import org.chorus.admin.support.AuditRows.Row;
import org.chorus.events.EventType;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.login.AccountLocked;
import org.chorus.events.login.LoginFailed;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.SessionCompromised;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.events.login.UserDeleted;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SecurityAuditConsumerTest {

    @Inject
    AuditRows rows;

    private void awaitEntries(UUID userId, int count) {
        await(count + " entries of " + userId)
                .atMost(WAIT)
                .until(() -> rows.forUser(userId).size() == count);
    }

    private Row awaitEntry(String id) {
        await("entry " + id).atMost(WAIT).until(() -> rows.byId(id).isPresent());
        return rows.byId(id).orElseThrow();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void eachOfTheFiveSecurityEventsBecomesOneEntryWithItsFields() {
        UUID user = UUID.randomUUID();
        String key = user.toString();
        UUID session = UUID.randomUUID();
        Instant t = uniqueMoment();
        Instant lockedUntil = t.plusSeconds(900);
        String failed = TestEvents.publish(
                Events.LOGIN_FAILED,
                key,
                new LoginFailed(user, "203.0.113.7", "Mozilla/5.0 (X11)", "bad-second-factor", t));
        String locked = TestEvents.publish(
                Events.ACCOUNT_LOCKED, key, new AccountLocked(user, 5, lockedUntil, t.plusSeconds(1)));
        String replayed = TestEvents.publish(
                Events.SESSION_COMPROMISED,
                key,
                new SessionCompromised(user, session, "198.51.100.9", t.plusSeconds(2)));
        String twoFactor = TestEvents.publish(
                Events.TWO_FACTOR_CHANGED,
                key,
                new TwoFactorChanged(
                        user, "ada@example.com", "ada", TwoFactorChanged.RECOVERY_CODE_USED, 9, t.plusSeconds(3)));
        String password = TestEvents.publish(
                Events.PASSWORD_CHANGED, key, new PasswordChanged(user, "ada@example.com", "ada", t.plusSeconds(4)));

        awaitEntries(user, 5);
        JsonPath page = admin().queryParam("userId", key)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .extract()
                .jsonPath();

        // newest first; each item as the API shows it
        List<Object[]> expected = List.of(
                new Object[] {
                    password,
                    t.plusSeconds(4),
                    "password-changed",
                    null,
                    "Password changed or reset; the other sessions were revoked",
                    map("email", "ada@example.com", "username", "ada")
                },
                new Object[] {
                    twoFactor,
                    t.plusSeconds(3),
                    "two-factor-changed",
                    null,
                    "A recovery code was used (9 left)",
                    map(
                            "change",
                            "recovery-code-used",
                            "recoveryCodesLeft",
                            9,
                            "username",
                            "ada",
                            "email",
                            "ada@example.com")
                },
                new Object[] {
                    replayed,
                    t.plusSeconds(2),
                    "session-compromised",
                    "198.51.100.9",
                    "A refresh token was used again after its rotation; the session was revoked",
                    map("sessionId", session.toString())
                },
                new Object[] {
                    locked,
                    t.plusSeconds(1),
                    "account-locked",
                    null,
                    "Account locked after 5 failed logins, until " + lockedUntil,
                    map("failures", 5, "lockedUntil", lockedUntil.toString())
                },
                new Object[] {
                    failed,
                    t,
                    "login-failed",
                    "203.0.113.7",
                    "Failed login: wrong second-factor code",
                    map("reason", "bad-second-factor", "userAgent", "Mozilla/5.0 (X11)")
                });
        for (int i = 0; i < expected.size(); i++) {
            Object[] e = expected.get(i);
            String item = "items[" + i + "].";
            assertEquals(e[0], page.getString(item + "id"), "id is the event id");
            assertEquals(e[1], Instant.parse(page.getString(item + "occurredAt")), "the event's own time");
            assertEquals(e[2], page.getString(item + "kind"));
            assertEquals(key, page.getString(item + "userId"));
            assertEquals(e[3], page.getString(item + "ip"));
            assertEquals(e[4], page.getString(item + "summary"));
            assertEquals(e[5], page.getMap(item + "details"), "details of " + e[2]);
        }
    }

    @Test
    void fieldsTheAuditLogDoesNotKnowNeverReachIt() {
        UUID user = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        // a later version of the event might carry a link or a hash: the log keeps only what it names
        TestEvents.publish(
                Topics.PASSWORD_CHANGED,
                user.toString(),
                id,
                Events.PASSWORD_CHANGED.type(),
                "{\"userId\":\"" + user + "\",\"email\":\"x@example.com\",\"username\":\"x\",\"changedAt\":\""
                        + uniqueMoment() + "\",\"resetLink\":\"https://chorus.test/reset/SECRET\","
                        + "\"passwordHash\":\"$argon2id$SECRET\",\"token\":\"SECRET\"}");

        Row row = awaitEntry(id);
        assertEquals(Map.of("email", "x@example.com", "username", "x"), row.details());
        String body = admin().queryParam("userId", user.toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .asString();
        assertFalse(body.contains("SECRET"), body);
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneEntryEvenAfterTheInboxForgotIt() {
        UUID user = UUID.randomUUID();
        String key = user.toString();
        String id = UUID.randomUUID().toString();
        Instant at = uniqueMoment();
        TestEvents.publish(
                Topics.LOGIN_FAILED, key, id, Events.LOGIN_FAILED.type(), loginFailedJson(user, "bad-password", at));
        TestEvents.publish(
                Topics.LOGIN_FAILED, key, id, Events.LOGIN_FAILED.type(), loginFailedJson(user, "bad-password", at));
        // same key, same partition: once this one is recorded, both copies before it were handled
        awaitEntry(loginFailed(user, at.plusSeconds(1)));
        assertEquals(2, rows.forUser(user).size(), "the redelivered event was recorded once");

        // the inbox purges handled ids after 14 days; the entry's primary key still refuses a second copy
        rows.forgetHandled(id);
        TestEvents.publish(
                Topics.LOGIN_FAILED, key, id, Events.LOGIN_FAILED.type(), loginFailedJson(user, "locked", at));
        awaitEntry(loginFailed(user, at.plusSeconds(2)));
        List<Row> entries = rows.forUser(user);
        assertEquals(3, entries.size());
        assertEquals("bad-password", rows.byId(id).orElseThrow().details().get("reason"), "the first copy stays");
    }

    private static String loginFailedJson(UUID user, String reason, Instant at) {
        return "{\"userId\":\"" + user + "\",\"ip\":\"203.0.113.8\",\"reason\":\"" + reason + "\",\"failedAt\":\"" + at
                + "\"}";
    }

    @Test
    void malformedEventsGoToTheAdminDeadLetterTopicsAndLaterEventsStillArrive() {
        UUID user = UUID.randomUUID();
        String key = user.toString();
        Instant at = uniqueMoment();
        record Malformed(EventType<?> type, String ceId, String json) {}
        List<Malformed> malformed = List.of(
                new Malformed(Events.LOGIN_FAILED, UUID.randomUUID().toString(), "{oops"),
                new Malformed(Events.LOGIN_FAILED, "not-a-uuid", loginFailedJson(user, "bad-password", at)),
                new Malformed(
                        Events.LOGIN_FAILED,
                        UUID.randomUUID().toString(),
                        "{\"userId\":\"" + user + "\",\"reason\":\"bad-password\"}"),
                new Malformed(
                        Events.ACCOUNT_LOCKED,
                        UUID.randomUUID().toString(),
                        "{\"userId\":\"" + user + "\",\"failures\":5,\"lockedAt\":\"" + at + "\"}"),
                new Malformed(
                        Events.SESSION_COMPROMISED,
                        UUID.randomUUID().toString(),
                        "{\"userId\":\"" + user + "\",\"detectedAt\":\"" + at + "\"}"),
                new Malformed(
                        Events.TWO_FACTOR_CHANGED,
                        UUID.randomUUID().toString(),
                        "{\"email\":\"a@example.com\",\"username\":\"a\",\"change\":\"enabled\",\"changedAt\":\"" + at
                                + "\"}"),
                new Malformed(
                        Events.PASSWORD_CHANGED,
                        UUID.randomUUID().toString(),
                        "{\"userId\":\"" + user + "\",\"email\":\"a@example.com\",\"username\":\"a\"}"),
                new Malformed(Events.USER_DELETED, UUID.randomUUID().toString(), "{\"deletedAt\":\"" + at + "\"}"));
        for (Malformed m : malformed) {
            TestEvents.publish(m.type().topic(), key, m.ceId(), m.type().type(), m.json());
        }
        // one well-formed event after them on each audit topic, same key (same partition)
        Instant later = at.plusSeconds(60);
        List<String> good = List.of(
                loginFailed(user, later),
                TestEvents.publish(
                        Events.ACCOUNT_LOCKED, key, new AccountLocked(user, 5, later.plusSeconds(60), later)),
                TestEvents.publish(
                        Events.SESSION_COMPROMISED, key, new SessionCompromised(user, UUID.randomUUID(), null, later)),
                TestEvents.publish(
                        Events.TWO_FACTOR_CHANGED,
                        key,
                        new TwoFactorChanged(user, "a@example.com", "a", TwoFactorChanged.ENABLED, 10, later)),
                TestEvents.publish(
                        Events.PASSWORD_CHANGED, key, new PasswordChanged(user, "a@example.com", "a", later)));

        for (Malformed m : malformed) {
            // the values differ from one another, so key and value name the record
            ConsumerRecord<String, String> dead = TestEvents.await(
                    m.type().deadLetterTopic("admin"),
                    r -> key.equals(r.key()) && m.json().equals(r.value()),
                    WAIT);
            assertEquals(m.type().topic(), TestEvents.header(dead, "dead-letter-topic"));
        }
        for (String id : good) {
            awaitEntry(id);
        }
        List<Row> entries = rows.forUser(user);
        assertEquals(5, entries.size(), "only the well-formed events were recorded");
        assertTrue(entries.stream().allMatch(r -> r.occurredAt().equals(later)));
        assertFalse(rows.erased(user), "the user-deleted without a userId erased no one");
    }

    @Test
    void userDeletedAnonymisesTheUsersEntriesAndKeepsThem() {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String key = user.toString();
        Instant t = uniqueMoment();
        List<String> ids = List.of(
                loginFailed(user, t),
                TestEvents.publish(
                        Events.SESSION_COMPROMISED,
                        key,
                        new SessionCompromised(user, UUID.randomUUID(), "198.51.100.9", t.plusSeconds(1))),
                TestEvents.publish(
                        Events.TWO_FACTOR_CHANGED,
                        key,
                        new TwoFactorChanged(
                                user, "gone@example.com", "gone", TwoFactorChanged.DISABLED, 0, t.plusSeconds(2))),
                TestEvents.publish(
                        Events.PASSWORD_CHANGED,
                        key,
                        new PasswordChanged(user, "gone@example.com", "gone", t.plusSeconds(3))));
        String othersEntry = loginFailed(other, t);
        awaitEntries(user, 4);
        Map<String, Row> before = new LinkedHashMap<>();
        ids.forEach(id -> before.put(id, rows.byId(id).orElseThrow()));
        Row othersBefore = awaitEntry(othersEntry);

        TestEvents.publish(Events.USER_DELETED, key, new UserDeleted(user, Instant.now()));
        await("anonymised").atMost(WAIT).until(() -> rows.forUser(user).isEmpty());

        for (String id : ids) {
            Row was = before.get(id);
            Row now = rows.byId(id).orElseThrow(() -> new AssertionError("the security record " + id + " is kept"));
            assertNull(now.userId());
            assertNull(now.ip());
            assertEquals(was.kind(), now.kind());
            assertEquals(was.occurredAt(), now.occurredAt());
            assertEquals(was.summary(), now.summary(), "the summary never held personal data");
            Map<String, Object> expectedDetails = new LinkedHashMap<>(was.details());
            AuditEntry.PERSONAL_DETAILS.forEach(expectedDetails::remove);
            assertEquals(expectedDetails, now.details());
        }
        assertEquals(
                Map.of("change", "disabled", "recoveryCodesLeft", 0),
                rows.byId(ids.get(2)).orElseThrow().details());
        assertEquals(
                Map.of("reason", "bad-password"),
                rows.byId(ids.get(0)).orElseThrow().details());
        assertEquals(othersBefore, rows.byId(othersEntry).orElseThrow(), "another user's entry is untouched");

        // still listed, without the person
        JsonPath page = admin().queryParam("since", t.toString())
                .queryParam("until", t.plusSeconds(4).toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .extract()
                .jsonPath();
        String body = page.prettify();
        assertFalse(
                body.contains(key)
                        || body.contains("gone@example.com")
                        || body.contains("\"gone\"")
                        || body.contains("198.51.100.9"),
                body);
        admin().queryParam("userId", key).get(PATH).then().statusCode(200).body("items", hasSize(0));

        // an event about the user that arrives after the erasure (another topic, so unordered) is stored anonymised
        String late = TestEvents.publish(
                Events.PASSWORD_CHANGED, key, new PasswordChanged(user, "gone@example.com", "gone", t.plusSeconds(5)));
        Row lateRow = awaitEntry(late);
        assertNull(lateRow.userId());
        assertEquals(Map.of(), lateRow.details());
        String lateFailure = loginFailed(user, t.plusSeconds(6));
        Row lateFailureRow = awaitEntry(lateFailure);
        assertNull(lateFailureRow.userId());
        assertNull(lateFailureRow.ip());
        assertEquals(Map.of("reason", "bad-password"), lateFailureRow.details());
    }
}
