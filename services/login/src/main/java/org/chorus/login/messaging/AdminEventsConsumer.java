package org.chorus.login.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.login.service.AdminDecisions;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** admin's decisions about accounts; each applied once, whatever Kafka redelivers. */
@ApplicationScoped
class AdminEventsConsumer {

    private static final String CONSUMER = "login";

    private final Inbox inbox;
    private final AdminDecisions decisions;

    AdminEventsConsumer(Inbox inbox, AdminDecisions decisions) {
        this.inbox = inbox;
        this.decisions = decisions;
    }

    @Incoming(Topics.ROLE_GRANTED)
    @Blocking
    void roleGranted(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.ROLE_GRANTED, record, decisions::grant);
    }

    @Incoming(Topics.ROLE_REVOKED)
    @Blocking
    void roleRevoked(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.ROLE_REVOKED, record, decisions::revoke);
    }

    @Incoming(Topics.USER_SUSPENDED)
    @Blocking
    void userSuspended(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_SUSPENDED, record, decisions::suspend);
    }

    @Incoming(Topics.USER_REINSTATED)
    @Blocking
    void userReinstated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_REINSTATED, record, decisions::reinstate);
    }
}
