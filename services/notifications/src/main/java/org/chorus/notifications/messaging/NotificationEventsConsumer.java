package org.chorus.notifications.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.notifications.MailKind;
import org.chorus.notifications.service.DeliveryQueue;
import org.chorus.notifications.service.Directory;
import org.chorus.notifications.service.InAppNotifier;
import org.chorus.notifications.service.ModerationMails;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Turns login's events into queued e-mails (and, for password and second-factor changes, an in-app
 * notification; user-created / user-updated also keep the member directory). Each event is handled once (the inbox remembers its
 * id) and only queues a delivery — sending happens later, off this thread, so a slow or broken
 * mail server never holds up the consumer. What cannot be handled goes to
 * {@code <topic>.dlq.notifications}.
 */
@ApplicationScoped
class NotificationEventsConsumer {

    static final String CONSUMER = "notifications";

    private final Inbox inbox;
    private final DeliveryQueue deliveries;
    private final Directory directory;
    private final InAppNotifier notifier;
    private final ModerationMails moderationMails;

    NotificationEventsConsumer(
            Inbox inbox,
            DeliveryQueue deliveries,
            Directory directory,
            InAppNotifier notifier,
            ModerationMails moderationMails) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.directory = directory;
        this.notifier = notifier;
        this.moderationMails = moderationMails;
    }

    @Incoming(Topics.USER_CREATED)
    @Blocking
    void userCreated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_CREATED, record, e -> {
            required(e.username());
            directory.remember(e.userId(), e.username(), e.email());
            deliveries.queue(eventId(record), MailKind.WELCOME, e.userId(), address(e.email()), e);
        });
    }

    @Incoming(Topics.EMAIL_VERIFICATION_REQUESTED)
    @Blocking
    void emailVerificationRequested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.EMAIL_VERIFICATION_REQUESTED, record, e -> {
            required(e.link());
            deliveries.queue(eventId(record), MailKind.EMAIL_VERIFICATION, e.userId(), address(e.email()), e);
        });
    }

    @Incoming(Topics.PASSWORD_RESET_REQUESTED)
    @Blocking
    void passwordResetRequested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.PASSWORD_RESET_REQUESTED, record, e -> {
            required(e.link());
            deliveries.queue(eventId(record), MailKind.PASSWORD_RESET, e.userId(), address(e.email()), e);
        });
    }

    @Incoming(Topics.LOGIN_LINK_REQUESTED)
    @Blocking
    void loginLinkRequested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.LOGIN_LINK_REQUESTED, record, e -> {
            required(e.link());
            deliveries.queue(eventId(record), MailKind.LOGIN_LINK, e.userId(), address(e.email()), e);
        });
    }

    @Incoming(Topics.EMAIL_CHANGE_REQUESTED)
    @Blocking
    void emailChangeRequested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.EMAIL_CHANGE_REQUESTED, record, e -> {
            required(e.link());
            deliveries.queue(eventId(record), MailKind.EMAIL_CHANGE, e.userId(), address(e.newEmail()), e);
        });
    }

    @Incoming(Topics.PASSWORD_CHANGED)
    @Blocking
    void passwordChanged(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.PASSWORD_CHANGED, record, e -> {
            deliveries.queue(eventId(record), MailKind.PASSWORD_CHANGED, e.userId(), address(e.email()), e);
            notifier.passwordChanged(eventId(record), e);
        });
    }

    @Incoming(Topics.TWO_FACTOR_CHANGED)
    @Blocking
    void twoFactorChanged(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.TWO_FACTOR_CHANGED, record, e -> {
            deliveries.queue(eventId(record), MailKind.TWO_FACTOR_CHANGED, e.userId(), address(e.email()), e);
            notifier.twoFactorChanged(eventId(record), e);
        });
    }

    /** Only an address change concerns the owner: the old address is told it is no longer used. */
    @Incoming(Topics.USER_UPDATED)
    @Blocking
    void userUpdated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_UPDATED, record, e -> {
            directory.remember(e.userId(), e.username(), e.email());
            if (e.previousEmail() != null && !e.previousEmail().equalsIgnoreCase(e.email())) {
                deliveries.queue(eventId(record), MailKind.EMAIL_CHANGED, e.userId(), address(e.previousEmail()), e);
            }
        });
    }

    /** A sign-in from a device not seen before: in-app and a security mail (always sent). */
    @Incoming(Topics.NEW_DEVICE_LOGIN)
    @Blocking
    void newDeviceLogin(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.NEW_DEVICE_LOGIN, record, e -> {
            required(e.userId());
            required(e.sessionId());
            notifier.newDeviceLogin(e);
            moderationMails.newDeviceLogin(eventId(record), e);
        });
    }

    /** The inbox has already checked that the record carries a ce_id. */
    static String eventId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_id");
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** An event without a usable address can never be mailed: fail so it is dead-lettered. */
    private static String address(String email) {
        if (email == null || email.isBlank() || !email.contains("@") || email.length() > 320) {
            throw new IllegalArgumentException("event lacks a usable e-mail address");
        }
        return email;
    }

    static void required(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("event lacks a required field");
        }
    }
}
