package org.chorus.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.events.login.EmailChangeRequested;
import org.chorus.events.login.EmailVerificationRequested;
import org.chorus.events.login.LoginLinkRequested;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.PasswordResetRequested;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.events.login.UserUpdated;
import org.chorus.notifications.support.Deliveries;
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
class AccountMailsTest {

    /** Events are consumed and mails sent asynchronously. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MockMailbox mailbox;

    @Inject
    Deliveries deliveries;

    private final UUID userId = UUID.randomUUID();
    private final String username = WelcomeMailTest.randomName();
    private final String email = username + "@example.com";
    private final String link = "https://chorus.test/links/" + UUID.randomUUID();
    private final Instant expiresAt = Instant.now().plusSeconds(3600);

    /** Waits for the one mail to {@code to} and checks what every mail must have. */
    private Mail theOnlyMailTo(String to, String kind) {
        await(kind + " mail to " + to)
                .atMost(WAIT)
                .until(() -> !mailbox.getMailsSentTo(to).isEmpty());
        List<Mail> mails = mailbox.getMailsSentTo(to);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertTrue(mail.getText() != null && mail.getText().contains(username), "text greets " + username);
        assertTrue(mail.getHtml() != null && mail.getHtml().contains(username), "html greets " + username);
        await("delivery recorded")
                .atMost(WAIT)
                .until(() -> deliveries.to(to).stream().anyMatch(r -> r.status().equals("SENT")));
        assertEquals(kind, deliveries.to(to).get(0).kind());
        return mail;
    }

    private static void assertHasLink(Mail mail, String link) {
        assertTrue(mail.getText().contains(link), mail.getText());
        assertTrue(mail.getHtml().contains("href=\"" + link + "\""), mail.getHtml());
    }

    @Test
    void emailVerificationRequestedMailsTheVerificationLink() {
        TestEvents.publish(
                Events.EMAIL_VERIFICATION_REQUESTED,
                userId.toString(),
                new EmailVerificationRequested(userId, email, username, link, expiresAt));
        Mail mail = theOnlyMailTo(email, "EMAIL_VERIFICATION");
        assertHasLink(mail, link);
        assertEquals("Verify your e-mail address", mail.getSubject());
    }

    @Test
    void passwordResetRequestedMailsTheResetLink() {
        TestEvents.publish(
                Events.PASSWORD_RESET_REQUESTED,
                userId.toString(),
                new PasswordResetRequested(userId, email, username, link, expiresAt));
        Mail mail = theOnlyMailTo(email, "PASSWORD_RESET");
        assertHasLink(mail, link);
    }

    @Test
    void loginLinkRequestedMailsTheLoginLink() {
        TestEvents.publish(
                Events.LOGIN_LINK_REQUESTED,
                userId.toString(),
                new LoginLinkRequested(userId, email, username, link, expiresAt));
        Mail mail = theOnlyMailTo(email, "LOGIN_LINK");
        assertHasLink(mail, link);
    }

    @Test
    void emailChangeRequestedMailsTheConfirmationLinkToTheNewAddress() {
        String newEmail = WelcomeMailTest.randomName() + "@example.org";
        TestEvents.publish(
                Events.EMAIL_CHANGE_REQUESTED,
                userId.toString(),
                new EmailChangeRequested(userId, newEmail, username, link, expiresAt));
        Mail mail = theOnlyMailTo(newEmail, "EMAIL_CHANGE");
        assertHasLink(mail, link);
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
    }

    @Test
    void passwordChangedTellsTheOwner() {
        TestEvents.publish(
                Events.PASSWORD_CHANGED,
                userId.toString(),
                new PasswordChanged(userId, email, username, Instant.now()));
        Mail mail = theOnlyMailTo(email, "PASSWORD_CHANGED");
        assertTrue(mail.getText().contains("password of your Chorus account was changed"), mail.getText());
    }

    @Test
    void twoFactorTurnedOffTellsTheOwner() {
        TestEvents.publish(
                Events.TWO_FACTOR_CHANGED,
                userId.toString(),
                new TwoFactorChanged(userId, email, username, TwoFactorChanged.DISABLED, 0, Instant.now()));
        Mail mail = theOnlyMailTo(email, "TWO_FACTOR_CHANGED");
        assertEquals("Two-factor authentication was turned off", mail.getSubject());
        assertTrue(mail.getText().contains("two-factor authentication was turned off"), mail.getText());
        assertTrue(mail.getHtml().contains("two-factor authentication was turned off"), mail.getHtml());
    }

    @Test
    void aRecoveryCodeUsedTellsTheOwnerHowManyAreLeft() {
        TestEvents.publish(
                Events.TWO_FACTOR_CHANGED,
                userId.toString(),
                new TwoFactorChanged(userId, email, username, TwoFactorChanged.RECOVERY_CODE_USED, 7, Instant.now()));
        Mail mail = theOnlyMailTo(email, "TWO_FACTOR_CHANGED");
        assertEquals("A recovery code of your Chorus account was used", mail.getSubject());
        assertTrue(mail.getText().contains("7 unused recovery codes are left"), mail.getText());
        assertFalse(mail.getText().contains("turned off"), mail.getText());
    }

    @Test
    void userUpdatedWithAPreviousEmailTellsTheOldAddressAndOtherwiseSendsNothing() {
        String oldEmail = email;
        String newEmail = WelcomeMailTest.randomName() + "@example.org";
        // a rename only (no previous address): nothing to tell
        TestEvents.publish(
                Events.USER_UPDATED,
                userId.toString(),
                new UserUpdated(userId, username, oldEmail, null, true, Instant.now()));
        // then the address changes; same key, same partition: handled after the rename
        TestEvents.publish(
                Events.USER_UPDATED,
                userId.toString(),
                new UserUpdated(userId, username, newEmail, oldEmail, false, Instant.now()));

        Mail mail = theOnlyMailTo(oldEmail, "EMAIL_CHANGED");
        assertTrue(mail.getText().contains(newEmail), mail.getText());
        assertTrue(mailbox.getMailsSentTo(newEmail).isEmpty(), "the new address is not told");
        assertEquals(1, deliveries.to(oldEmail).size());
        assertTrue(deliveries.to(newEmail).isEmpty());
    }

    @Test
    void aMalformedLoginLinkEventGoesToItsDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        TestEvents.publish(
                Topics.LOGIN_LINK_REQUESTED,
                key,
                UUID.randomUUID().toString(),
                Events.LOGIN_LINK_REQUESTED.type(),
                "{\"userId\":\"not-a-uuid\"");
        ConsumerRecord<String, String> dead = TestEvents.await(
                Events.LOGIN_LINK_REQUESTED.deadLetterTopic("notifications"),
                r -> key.equals(r.key()),
                Duration.ofSeconds(30));
        assertEquals("{\"userId\":\"not-a-uuid\"", dead.value());
    }
}
