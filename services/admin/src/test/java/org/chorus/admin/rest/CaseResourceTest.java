package org.chorus.admin.rest;

import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.Moderation.WAIT;
import static org.chorus.admin.support.Moderation.admin;
import static org.chorus.admin.support.Moderation.moderator;
import static org.chorus.admin.support.Moderation.report;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.admin.support.AuditRows;
import org.chorus.admin.support.ModerationRows;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CaseResourceTest {

    @Inject
    ModerationRows rows;

    @Inject
    AuditRows audit;

    /** Reports the target by each reporter and waits until the case holds them all; returns the case id. */
    private UUID reported(String kind, UUID target, UUID author, String reason, UUID... reporters) {
        for (UUID reporter : reporters) {
            report(UUID.randomUUID(), kind, target, author, reporter, reason);
        }
        await("case of " + target).atMost(WAIT).until(() -> {
            UUID id = rows.openCase(kind, target);
            return id != null && rows.reportCount(id) == reporters.length;
        });
        return rows.openCase(kind, target);
    }

    @Test
    void reportsOnOneTargetGroupIntoOneCaseAndARedeliveredReportCountsOnce() {
        UUID post = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        String eventId = report(reportId, "post", post, author, UUID.randomUUID(), "spam");
        report(UUID.randomUUID(), "post", post, author, UUID.randomUUID(), "hate");
        await().atMost(WAIT)
                .until(() -> rows.openCase("post", post) != null && rows.reportCount(rows.openCase("post", post)) == 2);
        UUID caseId = rows.openCase("post", post);
        // the same event again, and the same report under a new event id: neither adds a report
        TestEvents.publish(
                Topics.CONTENT_REPORTED,
                author.toString(),
                eventId,
                Events.CONTENT_REPORTED.type(),
                "{\"reportId\":\"" + reportId + "\",\"targetKind\":\"post\",\"targetId\":\"" + post
                        + "\",\"targetAuthorId\":\"" + author + "\",\"reporterId\":\"" + UUID.randomUUID()
                        + "\",\"reason\":\"spam\",\"reportedAt\":\"2026-01-01T00:00:00Z\"}");
        String again = report(reportId, "post", post, author, UUID.randomUUID(), "spam");
        await().atMost(WAIT).until(() -> rows.handled(again));
        assertEquals(2, rows.reportCount(caseId));

        moderator()
                .get("/api/admin/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("id", equalTo(caseId.toString()))
                .body("targetKind", equalTo("post"))
                .body("targetId", equalTo(post.toString()))
                .body("targetAuthorId", equalTo(author.toString()))
                .body("state", equalTo("open"))
                .body("reportCount", equalTo(2))
                .body("reports", hasSize(2))
                .body("reports[0].snapshot", equalTo("the text as reported"))
                .body("reports[0].comment", equalTo("please look"));
        // a comment with the same id is another target
        assertEquals(null, rows.openCase("comment", post));
    }

    @Test
    void moderatorsSeeWhoReportedAndAnAdministratorWithoutTheModeratorRoleDoesNot() {
        UUID reporter = UUID.randomUUID();
        UUID caseId = reported("comment", UUID.randomUUID(), UUID.randomUUID(), "harassment", reporter);
        moderator()
                .get("/api/admin/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("reports[0].reporterId", equalTo(reporter.toString()));
        admin().get("/api/admin/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("reports[0]", not(hasKey("reporterId")))
                .body("reports[0].reason", equalTo("harassment"));
    }

    @Test
    void theQueueListsNewestOrMostReportedFirstFilteredAndPagedWithoutDuplicates() {
        UUID a = reported(
                "post",
                UUID.randomUUID(),
                UUID.randomUUID(),
                "misinformation",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID());
        UUID b = reported("user", UUID.randomUUID(), UUID.randomUUID(), "misinformation", UUID.randomUUID());

        for (String sort : List.of("newest", "most-reported")) {
            List<Map<String, Object>> all = walk(Map.of("reason", "misinformation", "sort", sort), 2);
            Set<Object> ids = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                assertTrue(ids.add(all.get(i).get("id")), "served twice");
                assertEquals("open", all.get(i).get("state"));
                assertTrue(((List<?>) all.get(i).get("reasons")).contains("misinformation"));
                if (i > 0 && sort.equals("most-reported")) {
                    assertTrue((Integer) all.get(i - 1).get("reportCount")
                            >= (Integer) all.get(i).get("reportCount"));
                }
                if (i > 0 && sort.equals("newest")) {
                    assertFalse(
                            java.time.Instant.parse((String) all.get(i - 1).get("lastReportedAt"))
                                    .isBefore(java.time.Instant.parse(
                                            (String) all.get(i).get("lastReportedAt"))),
                            "newest first");
                }
            }
            assertTrue(ids.contains(a.toString()) && ids.contains(b.toString()));
            int ia = indexOf(all, a);
            int ib = indexOf(all, b);
            if (sort.equals("newest")) {
                assertTrue(ib < ia, "b was reported last");
            } else {
                assertTrue(ia < ib, "a has more reports");
            }
        }
        List<Object> users = moderator()
                .queryParam("targetKind", "user")
                .queryParam("limit", 100)
                .get("/api/admin/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.targetKind");
        assertTrue(users.stream().allMatch("user"::equals));
        moderator()
                .queryParam("state", "resolved")
                .queryParam("reason", "misinformation")
                .queryParam("limit", 100)
                .get("/api/admin/cases")
                .then()
                .statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(a.toString())));
    }

    private static int indexOf(List<Map<String, Object>> items, UUID id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).get("id").equals(id.toString())) {
                return i;
            }
        }
        return -1;
    }

    private static List<Map<String, Object>> walk(Map<String, ?> filters, int limit) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            var request = moderator().queryParams(filters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/admin/cases")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("the cursor never ran out");
    }

    @Test
    void assigningAndNotingAreRecordedAndAudited() {
        UUID me = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID caseId = reported("post", UUID.randomUUID(), author, "spam", UUID.randomUUID());
        moderator(me)
                .post("/api/admin/cases/" + caseId + "/assign")
                .then()
                .statusCode(200)
                .body("assigneeId", equalTo(me.toString()));
        moderator(me)
                .body("{\"text\":\"looks like a bot\"}")
                .post("/api/admin/cases/" + caseId + "/notes")
                .then()
                .statusCode(201)
                .body("authorId", equalTo(me.toString()))
                .body("text", equalTo("looks like a bot"));
        moderator()
                .get("/api/admin/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].text", equalTo("looks like a bot"));
        // someone who is not a moderator in admin's view cannot be assigned
        moderator(me)
                .body("{\"moderatorId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/admin/cases/" + caseId + "/assign")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://chorus.dev/problems/not-a-moderator"));
        List<String> kinds =
                audit.forUser(author).stream().map(AuditRows.Row::kind).toList();
        assertTrue(kinds.contains("case-assigned") && kinds.contains("case-noted"), kinds.toString());
    }

    @Test
    void resolvingHidesTheTargetTellsEveryReporterAndNamesNoModerator() {
        UUID post = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID r1 = UUID.randomUUID();
        UUID r2 = UUID.randomUUID();
        UUID me = UUID.randomUUID();
        UUID caseId = reported("post", post, author, "spam", r1, r2);

        moderator(me)
                .body("{\"action\":\"hide\",\"reason\":\"spam link\"}")
                .post("/api/admin/cases/" + caseId + "/resolve")
                .then()
                .statusCode(200)
                .body("state", equalTo("resolved"))
                .body("action", equalTo("hide"));

        List<Map<String, Object>> hidden = rows.events(Topics.CONTENT_HIDDEN, author);
        assertEquals(1, hidden.size());
        assertEquals(post.toString(), hidden.get(0).get("targetId"));
        assertEquals("post", hidden.get(0).get("targetKind"));
        assertEquals(caseId.toString(), hidden.get(0).get("caseId"));
        assertEquals(1, rows.events(Topics.SANCTION_NOTICE_REQUESTED, author).size());
        for (UUID reporter : List.of(r1, r2)) {
            List<Map<String, Object>> told = rows.events(Topics.REPORT_RESOLVED, reporter);
            assertEquals(1, told.size(), "each reporter hears once");
            assertEquals("actioned", told.get(0).get("outcome"));
            assertEquals(caseId.toString(), told.get(0).get("caseId"));
            assertFalse(told.get(0).containsValue(me.toString()), "the moderator is never named");
        }
        // a closed case takes no second decision; a new report opens a new case
        moderator()
                .body("{\"reason\":\"x\"}")
                .post("/api/admin/cases/" + caseId + "/dismiss")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://chorus.dev/problems/case-closed"));
        UUID next = reported("post", post, author, "spam", UUID.randomUUID());
        assertNotEquals(caseId, next);
        assertTrue(audit.forUser(author).stream()
                .anyMatch(e -> e.kind().equals("case-resolved")
                        && me.toString().equals(e.details().get("actorId"))
                        && "spam link".equals(e.details().get("reason"))));
    }

    @Test
    void resolvingAUserReportSuspendsForTheGivenHours() {
        UUID reported = UUID.randomUUID();
        UUID caseId = reported("user", reported, reported, "harassment", UUID.randomUUID());
        moderator()
                .body("{\"action\":\"hide\",\"reason\":\"r\"}")
                .post("/api/admin/cases/" + caseId + "/resolve")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://chorus.dev/problems/invalid-action"));
        moderator()
                .body("{\"action\":\"suspend\",\"reason\":\"abuse\",\"durationHours\":24}")
                .post("/api/admin/cases/" + caseId + "/resolve")
                .then()
                .statusCode(200);
        List<Map<String, Object>> suspended = rows.events(Topics.USER_SUSPENDED, reported);
        assertEquals(1, suspended.size());
        assertNotNull(suspended.get(0).get("until"));
    }

    @Test
    void dismissingTellsEveryReporterTheCaseWasDismissed() {
        UUID reporter = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        UUID caseId = reported("comment", UUID.randomUUID(), author, "other", reporter);
        moderator()
                .post("/api/admin/cases/" + caseId + "/dismiss")
                .then()
                .statusCode(200)
                .body("state", equalTo("dismissed"));
        List<Map<String, Object>> told = rows.events(Topics.REPORT_RESOLVED, reporter);
        assertEquals(1, told.size());
        assertEquals("dismissed", told.get(0).get("outcome"));
        assertTrue(rows.events(Topics.SANCTION_NOTICE_REQUESTED, author).isEmpty(), "no sanction");
    }

    @Test
    void badInputIsA4xxProblem() {
        UUID caseId = reported("post", UUID.randomUUID(), UUID.randomUUID(), "spam", UUID.randomUUID());
        String path = "/api/admin/cases/" + caseId;
        for (Map.Entry<String, String> q : Map.of(
                        "state",
                        "closed",
                        "targetKind",
                        "page",
                        "reason",
                        "boring",
                        "sort",
                        "oldest",
                        "limit",
                        "101",
                        "cursor",
                        "abc")
                .entrySet()) {
            moderator()
                    .queryParam(q.getKey(), q.getValue())
                    .get("/api/admin/cases")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        moderator().get("/api/admin/cases/nope").then().statusCode(404).contentType("application/problem+json");
        moderator()
                .get("/api/admin/cases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        moderator()
                .body("{\"text\":\"" + "x".repeat(2001) + "\"}")
                .post(path + "/notes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        moderator().body("{\"text\":\"\"}").post(path + "/notes").then().statusCode(400);
        moderator().post(path + "/notes").then().statusCode(400);
        moderator()
                .body("{\"action\":\"burn\",\"reason\":\"r\"}")
                .post(path + "/resolve")
                .then()
                .statusCode(400);
        moderator().body("{\"action\":\"warn\"}").post(path + "/resolve").then().statusCode(400);
        moderator()
                .body("{\"action\":\"suspend\",\"reason\":\"r\"}")
                .post(path + "/resolve")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://chorus.dev/problems/invalid-until"));
        moderator()
                .body("{\"action\":\"suspend\",\"reason\":\"r\",\"until\":\"yesterday\"}")
                .post(path + "/resolve")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        moderator()
                .body("{\"action\":\"suspend\",\"reason\":\"r\",\"durationHours\":0}")
                .post(path + "/resolve")
                .then()
                .statusCode(400);
        moderator()
                .body("{\"action\":\"warn\",\"reason\":\"r\",\"until\":\"2099-01-01T00:00:00Z\"}")
                .post(path + "/resolve")
                .then()
                .statusCode(400);
        moderator()
                .body("{\"moderatorId\":\"x\"}")
                .post(path + "/assign")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        moderator().body("not json").post(path + "/dismiss").then().statusCode(400);
        // none of that touched the case
        moderator().get(path).then().statusCode(200).body("state", equalTo("open"));
    }
}
