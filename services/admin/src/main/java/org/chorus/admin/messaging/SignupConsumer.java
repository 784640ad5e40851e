package org.chorus.admin.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.service.SignupStats;
import org.chorus.admin.service.UserDirectory;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Counts sign-ups and adds the new user to admin's directory. The inbox makes each event count once however often Kafka delivers it; an
 * event that cannot be counted goes to {@code user-created.dlq.admin}.
 */
@ApplicationScoped
class SignupConsumer {

    static final String CONSUMER = "admin";

    private final Inbox inbox;
    private final SignupStats stats;
    private final UserDirectory directory;

    SignupConsumer(Inbox inbox, SignupStats stats, UserDirectory directory) {
        this.inbox = inbox;
        this.stats = stats;
        this.directory = directory;
    }

    @Incoming(Topics.USER_CREATED)
    @Blocking
    void userCreated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_CREATED, record, e -> {
            if (e.userId() == null || e.createdAt() == null) {
                throw new IllegalArgumentException("user-created lacks userId or createdAt");
            }
            stats.count(e.createdAt());
            if (e.username() != null) {
                directory.upsert(e.userId(), e.username(), e.createdAt());
            }
        });
    }
}
