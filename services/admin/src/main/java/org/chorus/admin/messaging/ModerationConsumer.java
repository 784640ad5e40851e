package org.chorus.admin.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.admin.service.ModerationCases;
import org.chorus.admin.service.ActivityStats;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** Reports from content become cases in the queue; posts are counted for the statistics. */
@ApplicationScoped
class ModerationConsumer {

    static final String CONSUMER = "admin";

    private final Inbox inbox;
    private final ModerationCases cases;
    private final ActivityStats stats;

    ModerationConsumer(Inbox inbox, ModerationCases cases, ActivityStats stats) {
        this.inbox = inbox;
        this.cases = cases;
        this.stats = stats;
    }

    @Incoming(Topics.CONTENT_REPORTED)
    @Blocking
    void contentReported(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.CONTENT_REPORTED, record, cases::addReport);
    }

    @Incoming(Topics.POST_CREATED)
    @Blocking
    void postCreated(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.POST_CREATED, record,
                e -> stats.countPost(SecurityEvents.required(e.createdAt(), "createdAt")));
    }
}
