package org.chorus.admin.rest;

import static org.chorus.admin.support.Moderation.impose;
import static org.chorus.admin.support.Moderation.moderator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.admin.service.AppealCodes;
import org.chorus.admin.support.AuditRows;
import org.chorus.admin.support.ModerationRows;
import org.chorus.events.Topics;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class SanctionResourceTest {

    @Inject
    ModerationRows rows;

    @Inject
    AuditRows audit;

    @Test
    void aWarningPublishesUserWarnedAndANoticeWithAOneTimeAppealLink() {
        UUID me = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Instant before = Instant.now();
        UUID id = impose(me, "{\"userId\":\"" + user + "\",\"action\":\"warn\",\"reason\":\"be nice\"}");

        List<Map<String, Object>> warned = rows.events(Topics.USER_WARNED, user);
        assertEquals(1, warned.size());
        assertEquals(id.toString(), warned.get(0).get("sanctionId"));
        assertEquals("be nice", warned.get(0).get("reason"));
        assertEquals(me.toString(), warned.get(0).get("moderatorId"));

        List<Map<String, Object>> notices = rows.events(Topics.SANCTION_NOTICE_REQUESTED, user);
        assertEquals(1, notices.size());
        Map<String, Object> notice = notices.get(0);
        assertEquals("warn", notice.get("action"));
        String link = (String) notice.get("appealLink");
        assertTrue(link.startsWith("http://localhost:8080/appeal?code="), link);
        String code = link.substring(link.indexOf("code=") + 5);
        assertEquals(43, code.length());
        Instant issued = Instant.parse((String) notice.get("issuedAt"));
        assertTrue(!issued.isBefore(before));
        assertEquals(issued.plus(Duration.ofDays(20)), Instant.parse((String) notice.get("appealDeadline")));
        // only the code's hash is stored
        assertArrayEquals(AppealCodes.hash(code), rows.codeHash(id));

        assertTrue(audit.forUser(user).stream()
                .anyMatch(e -> e.kind().equals("sanction-imposed")
                        && me.toString().equals(e.details().get("actorId"))
                        && "be nice".equals(e.details().get("reason"))));
    }

    @Test
    void hidingPublishesContentHiddenAndLiftingRestoresIt() {
        UUID user = UUID.randomUUID();
        UUID comment = UUID.randomUUID();
        UUID id = impose(
                UUID.randomUUID(),
                "{\"userId\":\"" + user + "\",\"action\":\"hide\",\"reason\":\"slur\","
                        + "\"targetKind\":\"comment\",\"targetId\":\"" + comment + "\"}");
        Map<String, Object> hidden = rows.events(Topics.CONTENT_HIDDEN, user).get(0);
        assertEquals(comment.toString(), hidden.get("targetId"));
        assertEquals(user.toString(), hidden.get("authorId"));
        assertNull(hidden.get("caseId"));

        moderator()
                .post("/api/admin/sanctions/" + id + "/lift")
                .then()
                .statusCode(200)
                .body("state", equalTo("lifted"));
        List<Map<String, Object>> restored = rows.events(Topics.CONTENT_RESTORED, user);
        assertEquals(1, restored.size());
        assertEquals(comment.toString(), restored.get(0).get("targetId"));
        assertEquals(id.toString(), restored.get(0).get("sanctionId"));
        moderator()
                .post("/api/admin/sanctions/" + id + "/lift")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://chorus.dev/problems/sanction-not-active"));
        assertEquals(1, rows.events(Topics.CONTENT_RESTORED, user).size());
    }

    @Test
    void aBanIsASuspensionWithoutEndAndLiftingReinstates() {
        UUID me = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID id = impose(me, "{\"userId\":\"" + user + "\",\"action\":\"ban\",\"reason\":\"spam bot\"}");
        Map<String, Object> suspended = rows.events(Topics.USER_SUSPENDED, user).get(0);
        assertTrue(suspended.containsKey("until") && suspended.get("until") == null, "a ban has no end");
        assertEquals("spam bot", suspended.get("reason"));

        moderator(me)
                .body("{\"reason\":\"mistake\"}")
                .post("/api/admin/sanctions/" + id + "/lift")
                .then()
                .statusCode(200);
        List<Map<String, Object>> reinstated = rows.events(Topics.USER_REINSTATED, user);
        assertEquals(1, reinstated.size());
        assertEquals(me.toString(), reinstated.get(0).get("moderatorId"));
        assertTrue(audit.forUser(user).stream()
                .anyMatch(e -> e.kind().equals("sanction-lifted")
                        && "mistake".equals(e.details().get("reason"))));
    }

    @Test
    void liftingOneOfTwoExclusionsKeepsTheUserOutWithWhatRemains() {
        UUID user = UUID.randomUUID();
        Instant until = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID suspension = impose(
                UUID.randomUUID(),
                "{\"userId\":\"" + user + "\",\"action\":\"suspend\"," + "\"reason\":\"cool off\",\"until\":\"" + until
                        + "\"}");
        UUID ban = impose(UUID.randomUUID(), "{\"userId\":\"" + user + "\",\"action\":\"ban\",\"reason\":\"again\"}");

        moderator().post("/api/admin/sanctions/" + ban + "/lift").then().statusCode(200);
        List<Map<String, Object>> suspended = rows.events(Topics.USER_SUSPENDED, user);
        assertEquals(3, suspended.size(), "the suspension, the ban, then the suspension that remains");
        assertEquals(until, Instant.parse((String) suspended.get(2).get("until")));
        assertTrue(rows.events(Topics.USER_REINSTATED, user).isEmpty());

        moderator().post("/api/admin/sanctions/" + suspension + "/lift").then().statusCode(200);
        assertEquals(1, rows.events(Topics.USER_REINSTATED, user).size());
    }

    @Test
    void sanctionsAreListedPerUserNewestFirstWithPages() {
        UUID user = UUID.randomUUID();
        UUID first = impose(UUID.randomUUID(), "{\"userId\":\"" + user + "\",\"action\":\"warn\",\"reason\":\"1\"}");
        UUID second = impose(UUID.randomUUID(), "{\"userId\":\"" + user + "\",\"action\":\"warn\",\"reason\":\"2\"}");
        String cursor = moderator()
                .queryParam("userId", user.toString())
                .queryParam("limit", 1)
                .get("/api/admin/sanctions")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(second.toString()))
                .extract()
                .path("nextCursor");
        moderator()
                .queryParam("userId", user.toString())
                .queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/api/admin/sanctions")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(first.toString()))
                .body("nextCursor", nullValue());
    }

    @Test
    void badInputIsA4xxProblem() {
        UUID user = UUID.randomUUID();
        UUID me = UUID.randomUUID();
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        List<String> bodies = List.of(
                "{\"action\":\"warn\",\"reason\":\"r\"}",
                "{\"userId\":\"" + user + "\",\"action\":\"shame\",\"reason\":\"r\"}",
                "{\"userId\":\"" + user + "\",\"action\":\"warn\"}",
                "{\"userId\":\"" + user + "\",\"action\":\"warn\",\"reason\":\"" + "x".repeat(501) + "\"}",
                "{\"userId\":\"" + user + "\",\"action\":\"suspend\",\"reason\":\"r\"}",
                "{\"userId\":\"" + user
                        + "\",\"action\":\"suspend\",\"reason\":\"r\",\"until\":\"2020-01-01T00:00:00Z\"}",
                "{\"userId\":\"" + user + "\",\"action\":\"suspend\",\"reason\":\"r\",\"until\":\"" + future
                        + "\",\"durationHours\":2}",
                "{\"userId\":\"" + user + "\",\"action\":\"suspend\",\"reason\":\"r\",\"durationHours\":999999}",
                "{\"userId\":\"" + user + "\",\"action\":\"ban\",\"reason\":\"r\",\"until\":\"" + future + "\"}",
                "{\"userId\":\"" + user + "\",\"action\":\"hide\",\"reason\":\"r\"}",
                "{\"userId\":\"" + user
                        + "\",\"action\":\"hide\",\"reason\":\"r\",\"targetKind\":\"user\",\"targetId\":\"" + user
                        + "\"}",
                "{\"userId\":\"" + user
                        + "\",\"action\":\"warn\",\"reason\":\"r\",\"targetKind\":\"post\",\"targetId\":\"" + user
                        + "\"}",
                "{\"userId\":\"" + me + "\",\"action\":\"warn\",\"reason\":\"myself\"}",
                "{\"userId\":\"not-a-uuid\",\"action\":\"warn\",\"reason\":\"r\"}",
                "[]");
        List<String> accepted = new java.util.ArrayList<>();
        for (String body : bodies) {
            io.restassured.response.Response response = moderator(me).body(body).post("/api/admin/sanctions");
            if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")) {
                accepted.add(response.statusCode() + " for " + body);
            }
        }
        assertEquals(List.of(), accepted);
        moderator(me)
                .body("{\"userId\":\"" + user + "\",\"action\":\"warn\",\"reason\":\"r\",\"caseId\":\""
                        + UUID.randomUUID() + "\"}")
                .post("/api/admin/sanctions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertTrue(rows.events(Topics.SANCTION_NOTICE_REQUESTED, user).isEmpty(), "nothing was imposed");
        moderator().queryParam("userId", "x").get("/api/admin/sanctions").then().statusCode(400);
        moderator().post("/api/admin/sanctions/x/lift").then().statusCode(404); // a malformed path id names nothing
        moderator()
                .post("/api/admin/sanctions/" + UUID.randomUUID() + "/lift")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
