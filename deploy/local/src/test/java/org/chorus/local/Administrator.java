package org.chorus.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * The first administrator of the running suite: the address failsafe names in {@code chorus.bootstrap-admins}
 * (deploy/local/pom.xml), which the launcher passes to login as {@code CHORUS_BOOTSTRAP_ADMINS}. Signed up once per
 * JVM by whichever class asks first; login gives it {@code admin} from sign-up.
 */
public final class Administrator {

    public static final String EMAIL = "e2e-admin@example.org";
    public static final String USERNAME = "e2e_admin";

    private static Members.Member admin;

    private Administrator() {}

    /** The administrator with a fresh session (a new login per call, so one class's logout never hurts another). */
    public static synchronized Members.Member get() {
        if (admin == null) {
            String configured = System.getProperty("chorus.bootstrap-admins", "");
            if (!configured.contains(EMAIL)) {
                throw new IllegalStateException(
                        "chorus.bootstrap-admins must name " + EMAIL + " (deploy/local/pom.xml)");
            }
            String id = Members.signUp(EMAIL, USERNAME)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            admin = new Members.Member(id, USERNAME, EMAIL, null, null);
        }
        Members.Member session = Sessions.newSession(admin);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(session.accessToken())
                        .get("/api/users/me")
                        .then()
                        .statusCode(200));
        return session;
    }

    /** Grants a role through admin's API, waiting until admin's directory knows the member (it learns from user-created). */
    public static void grant(Members.Member admin, Members.Member member, String role) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth()
                        .oauth2(admin.accessToken())
                        .put("/api/admin/users/" + member.id() + "/roles/" + role)
                        .then()
                        .statusCode(204));
    }

    /** A fresh member who holds {@code moderator}, with a session whose token carries it. */
    public static Members.Member newModerator() {
        Members.Member moderator = Members.signUp();
        grant(get(), moderator, "moderator");
        Members.Member[] current = {moderator};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    current[0] = Sessions.refresh(current[0]);
                    return Sessions.groups(current[0].accessToken()).contains("moderator");
                });
        return current[0];
    }
}
