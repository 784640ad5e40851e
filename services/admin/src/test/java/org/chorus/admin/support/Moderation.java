package org.chorus.admin.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.chorus.events.Events;
import org.chorus.events.content.ContentReported;
import org.chorus.events.login.UserCreated;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the moderation tests share: callers with each role, and events from login and content. */
public final class Moderation {

    /** Events are consumed asynchronously; a dead-lettered one is first tried three times. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Moderation() {
    }

    public static RequestSpecification as(UUID userId, String... groups) {
        return given().auth().oauth2(TestJwt.token(userId, "u" + userId.toString().substring(0, 8), groups))
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification moderator(UUID id) {
        return as(id, "user", "moderator");
    }

    public static RequestSpecification moderator() {
        return moderator(UUID.randomUUID());
    }

    public static RequestSpecification admin(UUID id) {
        return as(id, "user", "admin");
    }

    public static RequestSpecification admin() {
        return admin(UUID.randomUUID());
    }

    public static RequestSpecification user(UUID id) {
        return as(id, "user");
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** Imposes a sanction through the API (expects 201); returns its id. */
    public static UUID impose(UUID moderator, String body) {
        return UUID.fromString(moderator(moderator).body(body).post("/api/admin/sanctions").then().statusCode(201)
                .extract().path("id"));
    }

    /** The one-time code of the appeal link in a notice. */
    public static String code(java.util.Map<String, Object> notice) {
        String link = (String) notice.get("appealLink");
        return link.substring(link.indexOf("code=") + 5);
    }

    /** A sign-up, as login announces it; returns the username. */
    public static String signUp(UUID userId) {
        String username = "u" + userId.toString().replace("-", "").substring(0, 12);
        TestEvents.publish(Events.USER_CREATED, userId.toString(),
                new UserCreated(userId, username, username + "@example.org", Instant.now()));
        return username;
    }

    /** A report as content announces it; returns the event id. */
    public static String report(UUID reportId, String kind, UUID targetId, UUID authorId, UUID reporterId,
                                String reason) {
        return TestEvents.publish(Events.CONTENT_REPORTED, authorId.toString(),
                new ContentReported(reportId, kind, targetId, authorId, reporterId, reason, "please look",
                        "user".equals(kind) ? null : "the text as reported", Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }
}
