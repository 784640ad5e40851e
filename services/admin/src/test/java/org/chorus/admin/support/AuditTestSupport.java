package org.chorus.admin.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chorus.events.Events;
import org.chorus.events.login.LoginFailed;
import org.chorus.testing.TestEvents;
import org.chorus.testing.TestJwt;

import io.restassured.specification.RequestSpecification;

/** What the audit log's tests share: the path, an administrator, events at chosen times. */
public final class AuditTestSupport {

    public static final String PATH = "/api/admin/audit";
    /** Events are consumed asynchronously; a dead-lettered one is first tried three times. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private AuditTestSupport() {}

    public static RequestSpecification admin() {
        return given().auth().oauth2(TestJwt.token(UUID.randomUUID(), "boss", "user", "admin"));
    }

    /**
     * A moment of this test's own, somewhere in the last 300 days (well inside the retention) and at
     * least a week back, at millisecond precision (PostgreSQL keeps microseconds), so that a
     * since/until window around it holds only this test's entries.
     */
    public static Instant uniqueMoment() {
        long millis = ThreadLocalRandom.current()
                .nextLong(Duration.ofDays(7).toMillis(), Duration.ofDays(300).toMillis());
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(millis);
    }

    /** A failed login of {@code userId} at {@code at}; returns the event id (= the entry id). */
    public static String loginFailed(UUID userId, Instant at) {
        return TestEvents.publish(
                Events.LOGIN_FAILED,
                userId.toString(),
                new LoginFailed(userId, "203.0.113.7", "Mozilla/5.0 (audit test)", "bad-password", at));
    }
}
