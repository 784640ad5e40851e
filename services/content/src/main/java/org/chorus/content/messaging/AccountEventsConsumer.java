package org.chorus.content.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.content.service.Directory;
import org.chorus.content.service.ErasureConfirmation;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps content's directory of users in step with login (accounts) and admin (suspensions). Each event has its
 * effect once (the inbox); what cannot be handled goes to {@code <topic>.dlq.content}.
 */
@ApplicationScoped
class AccountEventsConsumer {

    static final String CONSUMER = "content";

    private final Inbox inbox;
    private final Directory directory;
    private final ErasureConfirmation erasures;

    AccountEventsConsumer(Inbox inbox, Directory directory, ErasureConfirmation erasures) {
        this.inbox = inbox;
        this.directory = directory;
        this.erasures = erasures;
    }

    @Incoming(Topics.USER_CREATED)
    @Blocking
    void created(ConsumerRecord<String, String> record) {
        inbox.handle(
                CONSUMER,
                Events.USER_CREATED,
                record,
                e -> directory.upsert(Required.of(e.userId()), Required.of(e.username()), false));
    }

    @Incoming(Topics.USER_UPDATED)
    @Blocking
    void updated(ConsumerRecord<String, String> record) {
        inbox.handle(
                CONSUMER,
                Events.USER_UPDATED,
                record,
                e -> directory.upsert(Required.of(e.userId()), Required.of(e.username()), true));
    }

    @Incoming(Topics.USER_DELETED)
    @Blocking
    void deleted(ConsumerRecord<String, String> record) {
        // erasure and its confirmation in the inbox's one transaction: admin hears of it once, and only if it happened
        inbox.handle(CONSUMER, Events.USER_DELETED, record, e -> {
            directory.erase(Required.of(e.userId()), e.deletedAt());
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
                e -> directory.suspend(Required.of(e.userId()), true, e.suspendedAt()));
    }

    @Incoming(Topics.USER_REINSTATED)
    @Blocking
    void reinstated(ConsumerRecord<String, String> record) {
        inbox.handle(
                CONSUMER,
                Events.USER_REINSTATED,
                record,
                e -> directory.suspend(Required.of(e.userId()), false, e.reinstatedAt()));
    }
}
