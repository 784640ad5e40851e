package org.chorus.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.chorus.notifications.support.People.WAIT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.admin.AppealDecided;
import org.chorus.events.admin.ReportResolved;
import org.chorus.events.admin.SanctionNoticeRequested;
import org.chorus.events.admin.UserWarned;
import org.chorus.events.login.NewDeviceLogin;
import org.chorus.events.login.UserDeleted;
import org.chorus.notifications.support.Deliveries;
import org.chorus.notifications.support.People;
import org.chorus.notifications.support.People.Person;
import org.chorus.notifications.support.Store;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ModerationNotificationsTest {

    @Inject
    Store store;

    @Inject
    MockMailbox mailbox;

    @Inject
    Deliveries deliveries;

    private Mail mailWithSubject(Person to, String subject) {
        await(subject)
                .atMost(WAIT)
                .until(() -> mailbox.getMailsSentTo(to.email()).stream()
                        .anyMatch(m -> m.getSubject().equals(subject)));
        return mailbox.getMailsSentTo(to.email()).stream()
                .filter(m -> m.getSubject().equals(subject))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aWarningANoticeWithTheAppealLinkAndTheAppealsDecisionReachTheUserInAppAndByMail() {
        Person me = People.known(store);
        UUID sanction = UUID.randomUUID();
        String link = "https://chorus.test/appeal/" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(14, ChronoUnit.DAYS);
        TestEvents.publish(
                Events.USER_WARNED,
                me.id().toString(),
                new UserWarned(me.id(), "rude replies", sanction, null, UUID.randomUUID(), Instant.now()));
        TestEvents.publish(
                Events.SANCTION_NOTICE_REQUESTED,
                me.id().toString(),
                new SanctionNoticeRequested(
                        me.id(), sanction, "warn", "rude replies", null, link, deadline, Instant.now()));
        Mail notice = mailWithSubject(me, "A warning from the Chorus moderators");
        assertTrue(notice.getText().contains("rude replies"), notice.getText());
        assertTrue(notice.getText().contains(link), notice.getText());
        assertTrue(notice.getText().contains(deadline.toString()), notice.getText());
        assertTrue(notice.getHtml().contains("href=\"" + link + "\""), notice.getHtml());
        assertTrue(notice.getHeaders().get("List-Unsubscribe") == null, "moderation mail cannot be unsubscribed from");
        await().atMost(WAIT)
                .until(() -> deliveries.to(me.email()).stream()
                        .anyMatch(r ->
                                r.kind().equals("SANCTION_NOTICE") && r.status().equals("SENT")));
        assertFalse(
                String.join(" ", deliveries.dataTo(me.email())).contains(link),
                "the sent notice drops its appeal link");

        TestEvents.publish(
                Events.APPEAL_DECIDED,
                me.id().toString(),
                new AppealDecided(UUID.randomUUID(), sanction, me.id(), "overturned", Instant.now()));
        Mail decision = mailWithSubject(me, "Your appeal was granted");
        assertTrue(decision.getText().contains("lifted"), decision.getText());

        await().atMost(WAIT).until(() -> store.notifications(me.id()) == 2);
        me.api()
                .queryParam("kind", "sanction")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].data.action", equalTo("warn"))
                .body("items[0].data.reason", equalTo("rude replies"));
        me.api()
                .queryParam("kind", "appeal-decision")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].data.decision", equalTo("overturned"));
    }

    @Test
    void aNoticeForSomeoneWithoutAKnownAddressIsDeadLettered() {
        UUID stranger = UUID.randomUUID();
        String id = TestEvents.publish(
                Events.SANCTION_NOTICE_REQUESTED,
                stranger.toString(),
                new SanctionNoticeRequested(
                        stranger,
                        UUID.randomUUID(),
                        "ban",
                        "spam",
                        null,
                        "https://chorus.test/appeal/x",
                        Instant.now(),
                        Instant.now()));
        ConsumerRecord<String, String> dead = TestEvents.await(
                Events.SANCTION_NOTICE_REQUESTED.deadLetterTopic("notifications"),
                r -> id.equals(TestEvents.header(r, "ce_id")),
                WAIT);
        assertEquals(stranger.toString(), dead.key());
    }

    @Test
    void theReporterHearsTheOutcome() {
        Person reporter = People.known(store);
        UUID report = UUID.randomUUID();
        TestEvents.publish(
                Events.REPORT_RESOLVED,
                reporter.id().toString(),
                new ReportResolved(
                        UUID.randomUUID(),
                        report,
                        reporter.id(),
                        "post",
                        UUID.randomUUID(),
                        "actioned",
                        Instant.now()));
        await().atMost(WAIT).until(() -> store.notifications(reporter.id()) == 1);
        reporter.api()
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("items[0].kind", equalTo("report-outcome"))
                .body("items[0].targetId", equalTo(report.toString()))
                .body("items[0].data.outcome", equalTo("actioned"));
    }

    @Test
    void aSignInFromANewDeviceIsNotifiedAndMailed() {
        Person me = People.known(store);
        UUID session = UUID.randomUUID();
        TestEvents.publish(
                Events.NEW_DEVICE_LOGIN,
                me.id().toString(),
                new NewDeviceLogin(me.id(), session, "Firefox on Linux", "203.0.113.9", Instant.now()));
        Mail mail = mailWithSubject(me, "A new sign-in to your Chorus account");
        assertTrue(
                mail.getText().contains("Firefox on Linux") && mail.getText().contains("203.0.113.9"), mail.getText());
        await().atMost(WAIT).until(() -> store.notifications(me.id()) == 1);
        me.api()
                .get("/api/notifications")
                .then()
                .body("items[0].kind", equalTo("new-device-login"))
                .body("items[0].targetId", equalTo(session.toString()))
                .body("items[0].data.userAgent", equalTo("Firefox on Linux"));
    }

    @Test
    void erasingAUserIsConfirmedWithAnErasureEvent() {
        Person gone = People.known(store);
        TestEvents.publish(Events.USER_DELETED, gone.id().toString(), new UserDeleted(gone.id(), Instant.now()));
        ConsumerRecord<String, String> confirmed = TestEvents.await(
                Events.ERASURE_CONFIRMED.topic(), r -> gone.id().toString().equals(r.key()), WAIT);
        assertEquals(Events.ERASURE_CONFIRMED.type(), TestEvents.header(confirmed, "ce_type"));
        assertTrue(confirmed.value().matches("(?s).*\"service\"\\s*:\\s*\"notifications\".*"), confirmed.value());
        assertFalse(store.member(gone.id()));
        List<Deliveries.Row> left = deliveries.to(gone.email());
        assertTrue(left.isEmpty(), left.toString());
    }
}
