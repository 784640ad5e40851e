package org.chorus.admin.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.service.DailyActiveUsers;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Counts daily active users from login's user-active (consumer {@code admin}); each event counts once (the inbox),
 * and what cannot be counted goes to {@code user-active.dlq.admin}.
 */
@ApplicationScoped
class UserActiveConsumer {

    static final String CONSUMER = "admin";

    /** what PostgreSQL's date holds comfortably; outside it the event is a mistake, dead-lettered */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Inbox inbox;
    private final DailyActiveUsers activeUsers;

    UserActiveConsumer(Inbox inbox, DailyActiveUsers activeUsers) {
        this.inbox = inbox;
        this.activeUsers = activeUsers;
    }

    @Incoming(Topics.USER_ACTIVE)
    @Blocking
    void userActive(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_ACTIVE, record, e -> {
            Instant at = SecurityEvents.required(e.activeAt(), "activeAt");
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException("user-active has an activeAt outside any plausible day");
            }
            activeUsers.active(SecurityEvents.required(e.userId(), "userId"), at);
        });
    }
}
