package org.chorus.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.login.UserCreated;
import org.chorus.notifications.support.Deliveries;
import org.chorus.notifications.support.FlakyMailTransport;
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
class WelcomeMailTest {

    /** Events are consumed and mails sent asynchronously. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MockMailbox mailbox;

    @Inject
    Deliveries deliveries;

    @Inject
    FlakyMailTransport transport;

    static String randomName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String json(UUID id, String username, String email) {
        return "{\"userId\":\"" + id + "\",\"username\":\"" + username + "\",\"email\":\"" + email
                + "\",\"createdAt\":\"" + Instant.now() + "\"}";
    }

    private List<Mail> mailsTo(String email) {
        return mailbox.getMailsSentTo(email);
    }

    @Test
    void userCreatedSendsExactlyOneWelcomeMailWithTextAndHtmlToTheNewMember() {
        UUID id = UUID.randomUUID();
        String username = randomName();
        String email = username + "@example.com";
        String eventId = TestEvents.publish(
                Events.USER_CREATED, id.toString(), new UserCreated(id, username, email, Instant.now()));

        await("welcome mail").atMost(WAIT).until(() -> !mailsTo(email).isEmpty());
        await("delivery marked sent")
                .atMost(WAIT)
                .until(() ->
                        deliveries.to(email).stream().anyMatch(r -> r.status().equals("SENT")));

        List<Mail> mails = mailsTo(email);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertEquals(List.of(email), mail.getTo());
        assertTrue(mail.getSubject().contains(username), mail.getSubject());
        assertNotNull(mail.getText());
        assertNotNull(mail.getHtml());
        assertTrue(mail.getText().contains("Hello " + username), mail.getText());
        assertTrue(mail.getHtml().contains("<strong>" + username + "</strong>"), mail.getHtml());
        assertTrue(!mail.getText().contains("<p>"), "the text part is not HTML");

        List<Deliveries.Row> rows = deliveries.to(email);
        assertEquals(1, rows.size());
        assertEquals(eventId, rows.get(0).eventId());
        assertEquals("WELCOME", rows.get(0).kind());
        assertEquals(1, rows.get(0).attempts());
        assertNull(rows.get(0).lastError());
    }

    @Test
    void theSameEventDeliveredTwiceYieldsOneMailAndOneDelivery() {
        UUID id = UUID.randomUUID();
        String username = randomName();
        String email = username + "@example.com";
        String ceId = UUID.randomUUID().toString();
        TestEvents.publish(
                Topics.USER_CREATED, id.toString(), ceId, Events.USER_CREATED.type(), json(id, username, email));
        TestEvents.publish(
                Topics.USER_CREATED, id.toString(), ceId, Events.USER_CREATED.type(), json(id, username, email));
        // a later event on the same key (same partition) is handled only after both copies were
        String laterName = randomName();
        String laterEmail = laterName + "@example.com";
        TestEvents.publish(
                Topics.USER_CREATED,
                id.toString(),
                UUID.randomUUID().toString(),
                Events.USER_CREATED.type(),
                json(id, laterName, laterEmail));

        await("the later mail").atMost(WAIT).until(() -> !mailsTo(laterEmail).isEmpty());
        await("the first mail").atMost(WAIT).until(() -> !mailsTo(email).isEmpty());
        // the sender works oldest first, so the redelivery would have been sent by now as well
        assertEquals(1, mailsTo(email).size());
        assertEquals(1, deliveries.to(email).size());
    }

    @Test
    void aFailedSendIsRetriedAndTheMailGoesOutExactlyOnce() {
        UUID id = UUID.randomUUID();
        String username = randomName();
        String email = username + "@example.com";
        transport.failNext(email, 2);
        TestEvents.publish(Events.USER_CREATED, id.toString(), new UserCreated(id, username, email, Instant.now()));

        await("welcome mail after retries")
                .atMost(WAIT)
                .until(() -> !mailsTo(email).isEmpty());
        await("delivery marked sent")
                .atMost(WAIT)
                .until(() ->
                        deliveries.to(email).stream().anyMatch(r -> r.status().equals("SENT")));

        assertEquals(1, mailsTo(email).size());
        assertEquals(3, transport.attempts(email));
        Deliveries.Row row = deliveries.to(email).get(0);
        assertEquals(3, row.attempts());
        assertNull(row.lastError(), "a successful send clears the last error");
    }

    @Test
    void aSendThatKeepsFailingIsMarkedFailedAfterTheConfiguredAttemptsAndNotRetriedFurther() {
        UUID id = UUID.randomUUID();
        String username = randomName();
        String email = username + "@example.com";
        transport.failNext(email, 1000);
        TestEvents.publish(Events.USER_CREATED, id.toString(), new UserCreated(id, username, email, Instant.now()));

        await("delivery marked failed")
                .atMost(WAIT)
                .until(() ->
                        deliveries.to(email).stream().anyMatch(r -> r.status().equals("FAILED")));
        Deliveries.Row row = deliveries.to(email).get(0);
        assertEquals(4, row.attempts(), "%test max-attempts is 4");
        assertTrue(row.lastError().contains("mail server refused"), row.lastError());
        assertTrue(mailsTo(email).isEmpty());
        int attempts = transport.attempts(email);
        assertEquals(4, attempts);
    }

    @Test
    void markupInAUsernameIsEscapedInTheHtmlPart() {
        UUID id = UUID.randomUUID();
        String email = randomName() + "@example.com";
        TestEvents.publish(
                Events.USER_CREATED, id.toString(), new UserCreated(id, "<b>bold</b>", email, Instant.now()));

        await("welcome mail").atMost(WAIT).until(() -> !mailsTo(email).isEmpty());
        Mail mail = mailsTo(email).get(0);
        assertTrue(mail.getHtml().contains("&lt;b&gt;bold&lt;/b&gt;"), mail.getHtml());
        assertTrue(!mail.getHtml().contains("<b>bold</b>"), mail.getHtml());
    }

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        TestEvents.publish(
                Topics.USER_CREATED, key, UUID.randomUUID().toString(), Events.USER_CREATED.type(), "not json {");

        ConsumerRecord<String, String> dead = TestEvents.await(
                Events.USER_CREATED.deadLetterTopic("notifications"), r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("not json {", dead.value());
    }

    @Test
    void anEventWithoutAnEmailAddressGoesToTheDeadLetterTopicAndQueuesNothing() {
        UUID id = UUID.randomUUID();
        String username = randomName();
        TestEvents.publish(Events.USER_CREATED, id.toString(), new UserCreated(id, username, null, Instant.now()));

        ConsumerRecord<String, String> dead = TestEvents.await(
                Events.USER_CREATED.deadLetterTopic("notifications"),
                r -> id.toString().equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.value().contains(username));
        // the consumer carries on after dead-lettering
        UUID next = UUID.randomUUID();
        String nextName = randomName();
        TestEvents.publish(
                Events.USER_CREATED,
                next.toString(),
                new UserCreated(next, nextName, nextName + "@example.com", Instant.now()));
        await("a later welcome mail")
                .atMost(WAIT)
                .until(() -> !mailsTo(nextName + "@example.com").isEmpty());
    }
}
