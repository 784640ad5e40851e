package org.chorus.admin.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.chorus.admin.service.AuditLog;
import org.chorus.admin.service.UserDirectory;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Builds the security audit log from login's events, and anonymises it when a user is deleted.
 * Each event has its effect once (the inbox remembers its id, and the entry's id is the event's);
 * an event that cannot be recorded goes to {@code <topic>.dlq.admin}.
 */
@ApplicationScoped
class SecurityAuditConsumer {

    static final String CONSUMER = "admin";

    private final Inbox inbox;
    private final AuditLog audit;
    private final UserDirectory directory;

    SecurityAuditConsumer(Inbox inbox, AuditLog audit, UserDirectory directory) {
        this.inbox = inbox;
        this.audit = audit;
        this.directory = directory;
    }

    @Incoming(Topics.LOGIN_FAILED)
    @Blocking
    void loginFailed(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.LOGIN_FAILED, record,
                e -> audit.record(SecurityEvents.loginFailed(eventId(record), e)));
    }

    @Incoming(Topics.ACCOUNT_LOCKED)
    @Blocking
    void accountLocked(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.ACCOUNT_LOCKED, record,
                e -> audit.record(SecurityEvents.accountLocked(eventId(record), e)));
    }

    @Incoming(Topics.SESSION_COMPROMISED)
    @Blocking
    void sessionCompromised(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.SESSION_COMPROMISED, record,
                e -> audit.record(SecurityEvents.sessionCompromised(eventId(record), e)));
    }

    @Incoming(Topics.TWO_FACTOR_CHANGED)
    @Blocking
    void twoFactorChanged(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.TWO_FACTOR_CHANGED, record,
                e -> audit.record(SecurityEvents.twoFactorChanged(eventId(record), e)));
    }

    @Incoming(Topics.PASSWORD_CHANGED)
    @Blocking
    void passwordChanged(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.PASSWORD_CHANGED, record,
                e -> audit.record(SecurityEvents.passwordChanged(eventId(record), e)));
    }

    /**
     * Every service erases or anonymises a deleted user's data; the audit log keeps the events, not the
     * person, and the directory forgets the user and their roles.
     */
    @Incoming(Topics.USER_DELETED)
    @Blocking
    void userDeleted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_DELETED, record, e -> {
            UUID userId = SecurityEvents.required(e.userId(), "userId");
            audit.erase(userId);
            directory.delete(userId);
        });
    }

    /** The entry's id; the inbox has already checked that the record carries a ce_id. */
    private static UUID eventId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_id");
        try {
            return UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ce_id is not a UUID");
        }
    }
}
