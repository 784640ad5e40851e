package org.chorus.admin.rest;

import static org.chorus.admin.support.Moderation.anonymous;
import static org.chorus.admin.support.Moderation.code;
import static org.chorus.admin.support.Moderation.impose;
import static org.chorus.admin.support.Moderation.moderator;
import static org.chorus.admin.support.Moderation.user;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

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
class AppealResourceTest {

    @Inject
    ModerationRows rows;

    @Inject
    AuditRows audit;

    private record Imposed(UUID sanctionId, String code) {}

    private Imposed suspend(UUID user) {
        UUID id = impose(
                UUID.randomUUID(),
                "{\"userId\":\"" + user + "\",\"action\":\"suspend\",\"reason\":\"flooding\","
                        + "\"durationHours\":24}");
        return new Imposed(
                id, code(rows.events(Topics.SANCTION_NOTICE_REQUESTED, user).get(0)));
    }

    @Test
    void theSuspendedUserAppealsWithTheCodeAndNoTokenOnceOnly() {
        UUID user = UUID.randomUUID();
        Imposed s = suspend(user);
        anonymous()
                .get("/api/admin/appeals/code/" + s.code())
                .then()
                .statusCode(200)
                .body("sanctionId", equalTo(s.sanctionId().toString()))
                .body("action", equalTo("suspend"))
                .body("reason", equalTo("flooding"))
                .body("sanctionState", equalTo("active"))
                .body("appeal", nullValue())
                .body("$", not(hasKey("moderatorId")));
        String appealId = anonymous()
                .body("{\"text\":\"I was quoting someone\"}")
                .post("/api/admin/appeals/code/" + s.code())
                .then()
                .statusCode(201)
                .body("state", equalTo("pending"))
                .extract()
                .path("id");
        anonymous()
                .body("{\"text\":\"again\"}")
                .post("/api/admin/appeals/code/" + s.code())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/appeal-exists"));
        // with a token too: still one appeal per sanction
        user(user)
                .body("{\"sanctionId\":\"" + s.sanctionId() + "\",\"text\":\"again\"}")
                .post("/api/admin/appeals")
                .then()
                .statusCode(409);
        anonymous()
                .get("/api/admin/appeals/code/" + s.code())
                .then()
                .statusCode(200)
                .body("appeal.id", equalTo(appealId))
                .body("appeal.state", equalTo("pending"));
        moderator()
                .queryParam("limit", 100)
                .get("/api/admin/appeals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(appealId));
    }

    @Test
    void anAppealAfterTwentyDaysIsGoneAndAnUnknownCodeIsNotFound() {
        UUID user = UUID.randomUUID();
        Imposed s = suspend(user);
        rows.closeAppealWindow(s.sanctionId());
        anonymous()
                .body("{\"text\":\"late\"}")
                .post("/api/admin/appeals/code/" + s.code())
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/appeal-window-closed"));
        String unknown = "A".repeat(43);
        anonymous()
                .get("/api/admin/appeals/code/" + unknown)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        anonymous()
                .body("{\"text\":\"x\"}")
                .post("/api/admin/appeals/code/" + unknown)
                .then()
                .statusCode(404);
        anonymous().get("/api/admin/appeals/code/short").then().statusCode(404);
        anonymous()
                .get("/api/admin/appeals/code/" + "%27%3B--" + "A".repeat(38))
                .then()
                .statusCode(404);
    }

    @Test
    void withATokenAUserAppealsOnlyTheirOwnSanction() {
        UUID user = UUID.randomUUID();
        Imposed s = suspend(user);
        user(UUID.randomUUID())
                .body("{\"sanctionId\":\"" + s.sanctionId() + "\",\"text\":\"not mine\"}")
                .post("/api/admin/appeals")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        user(user)
                .body("{\"sanctionId\":\"" + s.sanctionId() + "\",\"text\":\"mine\"}")
                .post("/api/admin/appeals")
                .then()
                .statusCode(201)
                .body("state", equalTo("pending"));
    }

    @Test
    void overturningLiftsTheSanctionReinstatesAndTellsTheUser() {
        UUID user = UUID.randomUUID();
        UUID me = UUID.randomUUID();
        Imposed s = suspend(user);
        String appealId = anonymous()
                .body("{\"text\":\"sorry\"}")
                .post("/api/admin/appeals/code/" + s.code())
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        moderator(me)
                .body("{\"decision\":\"overturned\",\"reason\":\"context\"}")
                .post("/api/admin/appeals/" + appealId + "/decide")
                .then()
                .statusCode(200)
                .body("state", equalTo("overturned"))
                .body("decidedBy", equalTo(me.toString()));

        assertEquals("lifted", rows.sanctionState(s.sanctionId()));
        assertEquals(1, rows.events(Topics.USER_REINSTATED, user).size());
        List<Map<String, Object>> decided = rows.events(Topics.APPEAL_DECIDED, user);
        assertEquals(1, decided.size());
        assertEquals("overturned", decided.get(0).get("decision"));
        assertEquals(s.sanctionId().toString(), decided.get(0).get("sanctionId"));
        moderator()
                .body("{\"decision\":\"upheld\"}")
                .post("/api/admin/appeals/" + appealId + "/decide")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://chorus.dev/problems/appeal-decided"));
        assertTrue(audit.forUser(user).stream()
                .anyMatch(e -> e.kind().equals("appeal-decided")
                        && me.toString().equals(e.details().get("actorId"))
                        && "context".equals(e.details().get("reason"))));
        moderator()
                .queryParam("state", "overturned")
                .queryParam("limit", 100)
                .get("/api/admin/appeals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(appealId));
    }

    @Test
    void upholdingKeepsTheSanction() {
        UUID user = UUID.randomUUID();
        Imposed s = suspend(user);
        String appealId = user(user)
                .body("{\"sanctionId\":\"" + s.sanctionId() + "\",\"text\":\"please\"}")
                .post("/api/admin/appeals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        moderator()
                .body("{\"decision\":\"upheld\"}")
                .post("/api/admin/appeals/" + appealId + "/decide")
                .then()
                .statusCode(200)
                .body("state", equalTo("upheld"));
        assertEquals("active", rows.sanctionState(s.sanctionId()));
        assertTrue(rows.events(Topics.USER_REINSTATED, user).isEmpty());
        assertEquals("upheld", rows.events(Topics.APPEAL_DECIDED, user).get(0).get("decision"));
        // a moderator never decides their own appeal
        UUID mod = UUID.randomUUID();
        Imposed own = suspend(mod);
        String ownAppeal = user(mod)
                .body("{\"sanctionId\":\"" + own.sanctionId() + "\",\"text\":\"me\"}")
                .post("/api/admin/appeals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        moderator(mod)
                .body("{\"decision\":\"overturned\"}")
                .post("/api/admin/appeals/" + ownAppeal + "/decide")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://chorus.dev/problems/own-appeal"));
    }

    @Test
    void badInputIsA4xxProblem() {
        UUID user = UUID.randomUUID();
        Imposed s = suspend(user);
        String path = "/api/admin/appeals/code/" + s.code();
        anonymous()
                .body("{\"text\":\"" + "x".repeat(2001) + "\"}")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        anonymous().body("{\"text\":\" \"}").post(path).then().statusCode(400);
        anonymous().post(path).then().statusCode(400);
        user(user)
                .body("{\"text\":\"no sanction\"}")
                .post("/api/admin/appeals")
                .then()
                .statusCode(400);
        user(user)
                .body("{\"sanctionId\":\"nope\",\"text\":\"t\"}")
                .post("/api/admin/appeals")
                .then()
                .statusCode(400);
        moderator()
                .queryParam("state", "open")
                .get("/api/admin/appeals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        moderator()
                .body("{\"decision\":\"maybe\"}")
                .post("/api/admin/appeals/" + UUID.randomUUID() + "/decide")
                .then()
                .statusCode(400);
        moderator()
                .body("{\"decision\":\"upheld\"}")
                .post("/api/admin/appeals/x/decide")
                .then()
                .statusCode(404); // a malformed path id names no appeal
        moderator()
                .body("{\"decision\":\"upheld\"}")
                .post("/api/admin/appeals/" + UUID.randomUUID() + "/decide")
                .then()
                .statusCode(404);
        // nothing was filed by any of it
        anonymous().get(path).then().statusCode(200).body("appeal", nullValue());
    }
}
