package org.chorus.users.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.chorus.users.service.ErasureConfirmation;
import org.chorus.users.service.ProfileService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the profiles in step with the accounts (login) and sanctions (admin). Each event has its
 * effect once (the inbox remembers handled ids); what cannot be handled goes to
 * {@code <topic>.dlq.users}.
 */
@ApplicationScoped
class AccountEventsConsumer {

    static final String CONSUMER = "users";

    private final Inbox inbox;
    private final ProfileService profiles;
    private final ErasureConfirmation erasures;

    AccountEventsConsumer(Inbox inbox, ProfileService profiles, ErasureConfirmation erasures) {
        this.inbox = inbox;
        this.profiles = profiles;
        this.erasures = erasures;
    }

    @Incoming(Topics.USER_CREATED)
    @Blocking
    void created(ConsumerRecord<String, String> record) {
        inbox.handle(
                CONSUMER,
                Events.USER_CREATED,
                record,
                e -> profiles.create(required(e.userId()), required(e.username()), e.createdAt()));
    }

    @Incoming(Topics.USER_UPDATED)
    @Blocking
    void updated(ConsumerRecord<String, String> record) {
        inbox.handle(
                CONSUMER,
                Events.USER_UPDATED,
                record,
                e -> profiles.rename(required(e.userId()), required(e.username()), e.updatedAt()));
    }

    @Incoming(Topics.USER_DELETED)
    @Blocking
    void deleted(ConsumerRecord<String, String> record) {
        // erasure and its confirmation in the inbox's one transaction: admin hears of it once, and only if it happened
        inbox.handle(CONSUMER, Events.USER_DELETED, record, e -> {
            profiles.erase(required(e.userId()));
            erasures.confirm(e.userId());
        });
    }

    @Incoming(Topics.USER_SUSPENDED)
    @Blocking
    void suspended(ConsumerRecord<String, String> record) {
        inbox.handle(
                CONSUMER,
                Events.USER_SUSPENDED,
                record,
                e -> profiles.setHidden(required(e.userId()), true, e.suspendedAt()));
    }

    @Incoming(Topics.USER_REINSTATED)
    @Blocking
    void reinstated(ConsumerRecord<String, String> record) {
        inbox.handle(
                CONSUMER,
                Events.USER_REINSTATED,
                record,
                e -> profiles.setHidden(required(e.userId()), false, e.reinstatedAt()));
    }

    /** An event without its key fields can never be handled: fail so it is dead-lettered. */
    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("event lacks a required field");
        }
        return value;
    }
}
