package org.chorus.admin.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.service.AuditLog;
import org.chorus.admin.service.DailyActiveUsers;
import org.chorus.admin.service.DataExports;
import org.chorus.admin.service.Erasures;
import org.chorus.admin.service.UserDirectory;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Tracks erasures: user-deleted opens a request (its own channel and consumer group {@code admin-erasure}, because
 * the {@code user-deleted} channel belongs to {@link SecurityAuditConsumer}); admin erases what it holds in the same
 * transaction and confirms for itself; erasure-confirmed records each service's confirmation. Each event counts once
 * (the inbox); what cannot be handled goes to {@code <topic>.dlq.admin-erasure} / {@code erasure-confirmed.dlq.admin}.
 */
@ApplicationScoped
class ErasureConsumer {

    static final String CONSUMER = "admin-erasure";
    static final String SERVICE = "admin";
    static final String REQUESTS = "user-deleted-erasure";

    /** what PostgreSQL's timestamptz holds comfortably; an event time beyond it is a mistake, so now is used */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Inbox inbox;
    private final Erasures erasures;
    private final AuditLog audit;
    private final UserDirectory directory;
    private final DailyActiveUsers activeUsers;
    private final DataExports exports;

    ErasureConsumer(
            Inbox inbox,
            Erasures erasures,
            AuditLog audit,
            UserDirectory directory,
            DailyActiveUsers activeUsers,
            DataExports exports) {
        this.inbox = inbox;
        this.erasures = erasures;
        this.audit = audit;
        this.directory = directory;
        this.activeUsers = activeUsers;
        this.exports = exports;
    }

    @Incoming(REQUESTS)
    @Blocking
    void requested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_DELETED, record, e -> {
            UUID userId = SecurityEvents.required(e.userId(), "userId");
            erasures.open(userId, time(e.deletedAt()));
            // both idempotent, also run by SecurityAuditConsumer: admin's confirmation is only true once they ran
            audit.erase(userId);
            directory.delete(userId);
            activeUsers.erase(userId);
            exports.erase(userId);
            erasures.confirm(userId, SERVICE, Instant.now());
        });
    }

    @Incoming(Topics.ERASURE_CONFIRMED)
    @Blocking
    void confirmed(ConsumerRecord<String, String> record) {
        inbox.handle(SERVICE, Events.ERASURE_CONFIRMED, record, e -> {
            UUID userId = SecurityEvents.required(e.userId(), "userId");
            String service = SecurityEvents.required(e.service(), "service");
            if (service.isBlank() || service.length() > 100) {
                throw new IllegalArgumentException("erasure-confirmed has no usable service name");
            }
            erasures.confirm(userId, service, time(e.erasedAt()));
        });
    }

    private static Instant time(Instant at) {
        return at == null || at.isBefore(EARLIEST) || at.isAfter(LATEST) ? Instant.now() : at;
    }
}
