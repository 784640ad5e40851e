package org.chorus.admin.rest;

import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.AuditTestSupport.PATH;
import static org.chorus.admin.support.AuditTestSupport.WAIT;
import static org.chorus.admin.support.AuditTestSupport.admin;
import static org.chorus.admin.support.AuditTestSupport.loginFailed;
import static org.chorus.admin.support.AuditTestSupport.uniqueMoment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.admin.support.AuditRows;
import org.chorus.events.Events;
import org.chorus.events.login.AccountLocked;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.SessionCompromised;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.testing.AccessChecks;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AuditResourceTest {

    @Inject
    AuditRows rows;

    private record Entry(String id, Instant occurredAt) {}

    /** The order of the log: newest first, then the larger id (PostgreSQL compares uuids byte by byte, as their text sorts). */
    private static final Comparator<Entry> NEWEST_FIRST =
            Comparator.comparing(Entry::occurredAt).thenComparing(Entry::id).reversed();

    private void awaitEntries(UUID userId, int count) {
        await(count + " entries of " + userId)
                .atMost(WAIT)
                .until(() -> rows.forUser(userId).size() == count);
    }

    /** Follows nextCursor from the first page to the last; the entries in the order they were served. */
    private static List<Entry> walk(Map<String, ?> filters, int limit, List<Integer> pageSizes) {
        List<Entry> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 10_000; pages++) {
            RequestSpecification request = admin().queryParams(filters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PATH).then().statusCode(200).extract().jsonPath();
            int size = page.getList("items").size();
            pageSizes.add(size);
            for (int i = 0; i < size; i++) {
                seen.add(new Entry(
                        page.getString("items[" + i + "].id"),
                        Instant.parse(page.getString("items[" + i + "].occurredAt"))));
            }
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return seen;
            }
            assertEquals(limit, size, "only the last page is short");
        }
        throw new AssertionError("the cursor never ran out");
    }

    @Test
    void pagesWalkAllOfAUsersEntriesNewestFirstWithoutDuplicatesOrGaps() {
        UUID user = UUID.randomUUID();
        Instant t = uniqueMoment();
        List<Entry> published = new ArrayList<>();
        // three entries share one instant: the id breaks the tie, and a page boundary falls among them
        for (int offset : new int[] {0, 5, 5, 5, 9, 12, 20}) {
            Instant at = t.plusSeconds(offset);
            published.add(new Entry(loginFailed(user, at), at));
        }
        awaitEntries(user, published.size());

        List<Integer> pageSizes = new ArrayList<>();
        List<Entry> walked = walk(Map.of("userId", user.toString()), 2, pageSizes);

        List<Entry> expected = new ArrayList<>(published);
        expected.sort(NEWEST_FIRST);
        assertEquals(expected, walked);
        assertEquals(List.of(2, 2, 2, 1), pageSizes);
    }

    @Test
    void theWholeLogPagesNewestFirstWithoutDuplicates() {
        UUID user = UUID.randomUUID();
        Instant t = uniqueMoment();
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(loginFailed(user, t.plusMillis(i)));
        }
        awaitEntries(user, 3);

        List<Entry> walked = walk(Map.of(), 7, new ArrayList<>());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < walked.size(); i++) {
            assertTrue(ids.add(walked.get(i).id()), "served twice: " + walked.get(i));
            if (i > 0) {
                assertTrue(
                        NEWEST_FIRST.compare(walked.get(i - 1), walked.get(i)) < 0,
                        "out of order: " + walked.get(i - 1) + " before " + walked.get(i));
            }
        }
        assertTrue(ids.containsAll(mine), "every entry of this test was served");
    }

    @Test
    void withoutALimitAPageHolds50Entries() {
        UUID user = UUID.randomUUID();
        Instant t = uniqueMoment();
        for (int i = 0; i < 51; i++) {
            loginFailed(user, t.plusSeconds(i));
        }
        awaitEntries(user, 51);

        JsonPath first = admin().queryParam("userId", user.toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(50))
                .body("nextCursor", not(nullValue()))
                .extract()
                .jsonPath();
        assertEquals(t.plusSeconds(50), Instant.parse(first.getString("items[0].occurredAt")));
        JsonPath second = admin().queryParam("userId", user.toString())
                .queryParam("cursor", first.getString("nextCursor"))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath();
        assertEquals(t, Instant.parse(second.getString("items[0].occurredAt")));
    }

    @Test
    void filtersByUserKindAndTimeWindow() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        Instant t = uniqueMoment();
        String adaFailed1 = loginFailed(ada, t);
        String adaLocked = TestEvents.publish(
                Events.ACCOUNT_LOCKED, ada.toString(), new AccountLocked(ada, 5, t.plusSeconds(901), t.plusSeconds(1)));
        String adaFailed2 = loginFailed(ada, t.plusSeconds(2));
        String adaPassword = TestEvents.publish(
                Events.PASSWORD_CHANGED,
                ada.toString(),
                new PasswordChanged(ada, "ada@example.com", "ada", t.plusSeconds(3)));
        String bobFailed = loginFailed(bob, t.plusSeconds(1));
        String bobReplay = TestEvents.publish(
                Events.SESSION_COMPROMISED,
                bob.toString(),
                new SessionCompromised(bob, UUID.randomUUID(), "192.0.2.1", t.plusSeconds(1)));
        String bobTwoFactor = TestEvents.publish(
                Events.TWO_FACTOR_CHANGED,
                bob.toString(),
                new TwoFactorChanged(bob, "bob@example.com", "bob", TwoFactorChanged.ENABLED, 10, t.plusSeconds(5)));
        awaitEntries(ada, 4);
        awaitEntries(bob, 3);

        assertEquals(List.of(adaFailed2, adaFailed1), ids(Map.of("userId", ada.toString(), "kind", "login-failed")));
        assertEquals(List.of(adaPassword, adaFailed2, adaLocked, adaFailed1), ids(Map.of("userId", ada.toString())));
        assertEquals(List.of(), ids(Map.of("userId", bob.toString(), "kind", "account-locked")));
        // since is inclusive, until exclusive
        assertEquals(
                List.of(adaFailed2, adaLocked),
                ids(Map.of(
                        "userId",
                        ada.toString(),
                        "since",
                        t.plusSeconds(1).toString(),
                        "until",
                        t.plusSeconds(3).toString())));
        // without a user: the window holds only this test's entries
        assertEquals(
                Set.of(adaLocked, bobFailed, bobReplay),
                Set.copyOf(ids(Map.of(
                        "since",
                        t.plusSeconds(1).toString(),
                        "until",
                        t.plusSeconds(2).toString()))));
        assertEquals(
                List.of(bobFailed),
                ids(Map.of(
                        "kind",
                        "login-failed",
                        "since",
                        t.plusSeconds(1).toString(),
                        "until",
                        t.plusSeconds(2).toString())));
        assertEquals(Set.of(bobTwoFactor, bobReplay, bobFailed), Set.copyOf(ids(Map.of("userId", bob.toString()))));
        assertEquals(bobTwoFactor, ids(Map.of("userId", bob.toString())).get(0));
        assertEquals(
                List.of(bobTwoFactor),
                ids(Map.of(
                        "kind",
                        "two-factor-changed",
                        "since",
                        t.toString(),
                        "until",
                        t.plusSeconds(6).toString())));
        // an instant with an offset means the same moment
        assertEquals(
                List.of(adaPassword),
                ids(Map.of(
                        "userId",
                        ada.toString(),
                        "since",
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                t.plusSeconds(3).atOffset(ZoneOffset.ofHours(2))))));
    }

    private static List<String> ids(Map<String, ?> filters) {
        return admin().queryParams(filters)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    @Test
    void aUserWithoutTheAdminRoleGets403() {
        AccessChecks.readIsForbiddenTo(PATH, "user");
        AccessChecks.readIsForbiddenTo(PATH, "user", "moderator");
    }

    @Test
    void noTokenAnExpiredOneOrOneSignedByAnotherKeyGets401() {
        AccessChecks.readNeedsAValidToken(PATH);
    }

    private static String cursorOf(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badInputOfAnySortIs400ProblemJson() {
        String uuid = UUID.randomUUID().toString();
        Map<String, List<String>> badValues = Map.of(
                "limit", List.of("0", "101", "-1", "ten", "1.5", "99999999999"),
                "userId", List.of("nope", "1-1-1-1-1", uuid + "0", "' or 1=1 --"),
                "kind", List.of("login-succeeded", "LOGIN-FAILED", "user-created", "user-deleted"),
                "since",
                        List.of(
                                "yesterday",
                                "2026-01-01",
                                "2026-13-01T00:00:00Z",
                                "+100000-01-01T00:00:00Z",
                                "1700000000"),
                "until", List.of("nope", "2026-02-30T00:00:00Z", "-0001-01-01T00:00:00Z"),
                "cursor",
                        List.of(
                                "not-a-cursor!",
                                "bm9wZQ",
                                cursorOf("1.2.not-a-uuid"),
                                cursorOf("1.2"),
                                cursorOf("99999999999999.0." + uuid),
                                cursorOf("1.-5." + uuid),
                                cursorOf("x.0." + uuid)));
        Map<String, String> slugs = Map.of(
                "limit",
                "invalid-limit",
                "userId",
                "invalid-id",
                "kind",
                "invalid-kind",
                "since",
                "invalid-instant",
                "until",
                "invalid-instant",
                "cursor",
                "invalid-cursor");
        badValues.forEach((name, values) -> values.forEach(value -> admin().queryParam(name, value)
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://chorus.dev/problems/" + slugs.get(name)))));

        admin().queryParam("since", "2026-02-01T00:00:00Z")
                .queryParam("until", "2026-01-01T00:00:00Z")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/invalid-range"));
    }

    @Test
    void aCursorHandedOutStillWorksAndAnEmptyWindowIsAnEmptyPage() {
        UUID user = UUID.randomUUID();
        Instant t = uniqueMoment();
        loginFailed(user, t);
        loginFailed(user, t.plusSeconds(1));
        awaitEntries(user, 2);
        JsonPath first = admin().queryParam("userId", user.toString())
                .queryParam("limit", 1)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String cursor = first.getString("nextCursor");
        assertNotNull(cursor);
        // the same cursor twice gives the same page: it is a position, not a session
        for (int i = 0; i < 2; i++) {
            JsonPath next = admin().queryParam("userId", user.toString())
                    .queryParam("limit", 1)
                    .queryParam("cursor", cursor)
                    .get(PATH)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("nextCursor", nullValue())
                    .extract()
                    .jsonPath();
            assertEquals(t, Instant.parse(next.getString("items[0].occurredAt")));
        }
        JsonPath empty = admin().queryParam("userId", user.toString())
                .queryParam("since", t.plusSeconds(2).toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .extract()
                .jsonPath();
        assertNull(empty.getString("nextCursor"));
    }
}
