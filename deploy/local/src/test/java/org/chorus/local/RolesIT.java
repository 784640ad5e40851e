package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.chorus.local.Members.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11's proof for roles, through the gateway only: the administrator named in configuration holds
 * {@code admin}; a grant of {@code moderator} reaches the member's next token and opens the moderation queue; a
 * revocation stops the member's live token at the gateway at once, and the next refresh has no role.
 */
@ExtendWith(RunningSuite.class)
class RolesIT {

    /** "Within a second" on an idle machine; this one is shared by several builds, so the bound is a little looser. */
    static final Duration PROPAGATION = Duration.ofSeconds(Long.getLong("e2e.propagation-seconds", 3));

    @Test
    void aGrantedRoleReachesTheNextTokenAndARevokedOneStopsTheLiveTokenAtTheGateway() {
        Member admin = Administrator.get();
        assertTrue(
                Sessions.groups(admin.accessToken()).contains("admin"),
                "the administrator named in CHORUS_BOOTSTRAP_ADMINS holds admin: "
                        + Sessions.groups(admin.accessToken()));

        Member b = Members.signUp();
        assertFalse(Sessions.groups(b.accessToken()).contains("moderator"));
        given().auth().oauth2(b.accessToken()).get("/api/admin/cases").then().statusCode(403);

        Administrator.grant(admin, b, "moderator");
        Member[] current = {b};
        await("the refreshed token carries moderator")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    current[0] = Sessions.refresh(current[0]);
                    return Sessions.groups(current[0].accessToken()).contains("moderator");
                });
        Member moderator = current[0];
        given().auth()
                .oauth2(moderator.accessToken())
                .get("/api/admin/cases")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin.accessToken())
                .queryParam("role", "moderator")
                .get("/api/admin/users")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(admin.accessToken())
                .delete("/api/admin/users/" + b.id() + "/roles/moderator")
                .then()
                .statusCode(204);
        long revoked = System.nanoTime();
        await("the live token with the revoked role is refused at the gateway")
                .atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> given().auth()
                        .oauth2(moderator.accessToken())
                        .get("/api/users/me")
                        .then()
                        .statusCode(401));
        System.out.printf(
                "RolesIT: revocation refused the live token %d ms after the 204%n",
                (System.nanoTime() - revoked) / 1_000_000);

        Member refreshed = Sessions.refresh(moderator);
        assertFalse(
                Sessions.groups(refreshed.accessToken()).contains("moderator"),
                "a refresh after the revocation has no moderator: " + Sessions.groups(refreshed.accessToken()));
        given().auth()
                .oauth2(refreshed.accessToken())
                .get("/api/users/me")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(refreshed.accessToken())
                .get("/api/admin/cases")
                .then()
                .statusCode(403);
    }
}
