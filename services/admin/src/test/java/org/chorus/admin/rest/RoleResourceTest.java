package org.chorus.admin.rest;

import static org.awaitility.Awaitility.await;
import static org.chorus.admin.support.Moderation.WAIT;
import static org.chorus.admin.support.Moderation.admin;
import static org.chorus.admin.support.Moderation.signUp;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.admin.support.AuditRows;
import org.chorus.admin.support.ModerationRows;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.admin.RoleGranted;
import org.chorus.events.admin.RoleRevoked;
import org.chorus.events.login.UserUpdated;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RoleResourceTest {

    @Inject
    ModerationRows rows;

    @Inject
    AuditRows audit;

    private UUID knownUser() {
        UUID id = UUID.randomUUID();
        signUp(id);
        await("directory").atMost(WAIT).until(() -> rows.inDirectory(id));
        return id;
    }

    @Test
    void grantingPublishesRoleGrantedOnceAndTheGrantIsIdempotent() {
        UUID boss = UUID.randomUUID();
        UUID user = knownUser();
        admin(boss).put("/api/admin/users/" + user + "/roles/moderator").then().statusCode(204);
        admin(boss).put("/api/admin/users/" + user + "/roles/moderator").then().statusCode(204);

        List<Map<String, Object>> granted = rows.events(Topics.ROLE_GRANTED, user);
        assertEquals(1, granted.size(), "a second grant of a held role publishes nothing");
        assertEquals("moderator", granted.get(0).get("role"));
        assertEquals(boss.toString(), granted.get(0).get("grantedBy"));
        assertTrue(rows.holds(user, "moderator"));
        // it really leaves through the outbox relay to Kafka
        TestEvents.await(Topics.ROLE_GRANTED, r -> r.key().equals(user.toString()), WAIT);
        // and the audit log names who did it
        assertTrue(audit.forUser(user).stream()
                .anyMatch(e -> e.kind().equals("role-granted")
                        && boss.toString().equals(e.details().get("actorId"))
                        && "moderator".equals(e.details().get("role"))));
    }

    @Test
    void revokingPublishesRoleRevokedOnceAndIsIdempotent() {
        UUID boss = UUID.randomUUID();
        UUID user = knownUser();
        admin(boss).put("/api/admin/users/" + user + "/roles/moderator").then().statusCode(204);
        admin(boss)
                .delete("/api/admin/users/" + user + "/roles/moderator")
                .then()
                .statusCode(204);
        admin(boss)
                .delete("/api/admin/users/" + user + "/roles/moderator")
                .then()
                .statusCode(204);

        List<Map<String, Object>> revoked = rows.events(Topics.ROLE_REVOKED, user);
        assertEquals(1, revoked.size());
        assertEquals(boss.toString(), revoked.get(0).get("revokedBy"));
        assertFalse(rows.holds(user, "moderator"));
        // revoking a role never held publishes nothing either
        UUID other = knownUser();
        admin(boss).delete("/api/admin/users/" + other + "/roles/admin").then().statusCode(204);
        assertTrue(rows.events(Topics.ROLE_REVOKED, other).isEmpty());
    }

    @Test
    void theLastAdministratorCannotLoseTheRole() {
        rows.forgetAdmins();
        UUID first = knownUser();
        UUID second = knownUser();
        admin(first).put("/api/admin/users/" + first + "/roles/admin").then().statusCode(204);
        admin(first).put("/api/admin/users/" + second + "/roles/admin").then().statusCode(204);

        admin(first)
                .delete("/api/admin/users/" + second + "/roles/admin")
                .then()
                .statusCode(204);
        admin(first)
                .delete("/api/admin/users/" + first + "/roles/admin")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/last-admin"));
        assertTrue(rows.holds(first, "admin"));
        assertTrue(rows.events(Topics.ROLE_REVOKED, first).isEmpty());
    }

    @Test
    void aGrantForAUserAdminDoesNotKnowIs404() {
        admin().put("/api/admin/users/" + UUID.randomUUID() + "/roles/moderator")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listingByRoleShowsUsernamesAndAllRolesAndPages() {
        UUID boss = UUID.randomUUID();
        List<UUID> mods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = knownUser();
            admin(boss)
                    .put("/api/admin/users/" + id + "/roles/moderator")
                    .then()
                    .statusCode(204);
            mods.add(id);
        }
        admin(boss)
                .put("/api/admin/users/" + mods.get(0) + "/roles/admin")
                .then()
                .statusCode(204);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = admin().queryParam("role", "moderator").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/admin/users")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= 2);
            for (Map<String, Object> item : items) {
                seen.add((String) item.get("id"));
                if (item.get("id").equals(mods.get(0).toString())) {
                    assertEquals(List.of("admin", "moderator"), item.get("roles"));
                    assertTrue(((String) item.get("username")).startsWith("u"));
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        for (UUID mod : mods) {
            assertEquals(1, seen.stream().filter(mod.toString()::equals).count(), "listed once: " + mod);
        }
        // the admin filter lists the first, not the others
        List<String> admins = admin().queryParam("role", "admin")
                .queryParam("limit", 100)
                .get("/api/admin/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertTrue(admins.contains(mods.get(0).toString()));
        assertFalse(admins.contains(mods.get(1).toString()));
    }

    @Test
    void loginsBootstrapGrantAndRenamesReachTheViewAndALateOlderGrantNeverUndoesARevocation() {
        UUID user = knownUser();
        Instant t = Instant.now();
        // login's grant to an operator-named first administrator: no grantedBy
        String grant = TestEvents.publish(
                Events.ROLE_GRANTED, user.toString(), new RoleGranted(user, "admin", null, t.minusSeconds(60)));
        await().atMost(WAIT).until(() -> rows.holds(user, "admin"));
        TestEvents.publish(Events.ROLE_REVOKED, user.toString(), new RoleRevoked(user, "admin", UUID.randomUUID(), t));
        await().atMost(WAIT).until(() -> !rows.holds(user, "admin"));
        // the same grant delivered again, and an older one: neither restores the role
        TestEvents.publish(
                Topics.ROLE_GRANTED,
                user.toString(),
                grant,
                Events.ROLE_GRANTED.type(),
                "{\"userId\":\"" + user + "\",\"role\":\"admin\",\"grantedBy\":null,\"grantedAt\":\""
                        + t.minusSeconds(60) + "\"}");
        String older = TestEvents.publish(
                Events.ROLE_GRANTED, user.toString(), new RoleGranted(user, "admin", null, t.minusSeconds(30)));
        String rename = TestEvents.publish(
                Events.USER_UPDATED,
                user.toString(),
                new UserUpdated(
                        user, "renamed" + user.toString().substring(0, 6), "x@example.org", null, true, Instant.now()));
        await().atMost(WAIT).until(() -> rows.handled(older) && rows.handled(rename));
        assertFalse(rows.holds(user, "admin"), "an older grant never undoes a later revocation");
        admin().put("/api/admin/users/" + user + "/roles/moderator").then().statusCode(204);
        JsonPath page = admin().queryParam("role", "moderator")
                .queryParam("limit", 100)
                .get("/api/admin/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        Map<String, Object> mine = items.stream()
                .filter(i -> i.get("id").equals(user.toString()))
                .findFirst()
                .orElseThrow();
        assertEquals("renamed" + user.toString().substring(0, 6), mine.get("username"), "user-updated renamed them");
    }

    @Test
    void badInputIsA400Problem() {
        // a malformed id names no user: 404, as platform/web's Ids has it for every path id
        admin().put("/api/admin/users/not-a-uuid/roles/moderator")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/not-found"));
        admin().put("/api/admin/users/" + UUID.randomUUID() + "/roles/user")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chorus.dev/problems/invalid-role"));
        admin().delete("/api/admin/users/" + UUID.randomUUID() + "/roles/owner")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().queryParam("role", "root")
                .get("/api/admin/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().queryParam("limit", "0")
                .get("/api/admin/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().queryParam("cursor", "nonsense")
                .get("/api/admin/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
