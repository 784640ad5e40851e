package org.chorus.notifications.messaging;

import static org.chorus.notifications.messaging.NotificationEventsConsumer.CONSUMER;
import static org.chorus.notifications.messaging.NotificationEventsConsumer.eventId;
import static org.chorus.notifications.messaging.NotificationEventsConsumer.required;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.notifications.service.InAppNotifier;
import org.chorus.notifications.service.ModerationMails;
import org.chorus.notifications.service.NotificationStore;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * admin's decisions: sanctions, report outcomes and appeal decisions notify the user concerned;
 * hidden content takes its notifications away (and restored content may notify again); the
 * sanction notice and appeal decisions are mailed — always.
 */
@ApplicationScoped
class ModerationEventsConsumer {

    private final Inbox inbox;
    private final InAppNotifier notifier;
    private final NotificationStore store;
    private final ModerationMails mails;

    ModerationEventsConsumer(Inbox inbox, InAppNotifier notifier, NotificationStore store, ModerationMails mails) {
        this.inbox = inbox;
        this.notifier = notifier;
        this.store = store;
        this.mails = mails;
    }

    @Incoming(Topics.USER_WARNED)
    @Blocking
    void userWarned(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_WARNED, record, e -> {
            required(e.userId());
            required(e.sanctionId());
            notifier.userWarned(e);
        });
    }

    @Incoming(Topics.USER_SUSPENDED)
    @Blocking
    void userSuspended(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.USER_SUSPENDED, record, e -> {
            required(e.userId());
            notifier.userSuspended(eventId(record), e);
        });
    }

    @Incoming(Topics.CONTENT_HIDDEN)
    @Blocking
    void contentHidden(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.CONTENT_HIDDEN, record, e -> {
            required(e.targetId());
            required(e.authorId());
            required(e.sanctionId());
            switch (String.valueOf(e.targetKind())) {
                case "post" -> store.removeAboutPost(e.targetId());
                case "comment" -> store.removeAboutComment(e.targetId());
                default -> throw new IllegalArgumentException("hidden content must be a post or a comment");
            }
            notifier.contentHidden(e);
        });
    }

    @Incoming(Topics.CONTENT_RESTORED)
    @Blocking
    void contentRestored(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.CONTENT_RESTORED, record, e -> {
            required(e.targetId());
            store.restored(e.targetId());
        });
    }

    @Incoming(Topics.REPORT_RESOLVED)
    @Blocking
    void reportResolved(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.REPORT_RESOLVED, record, e -> {
            required(e.reportId());
            required(e.reporterId());
            required(e.outcome());
            notifier.reportResolved(e);
        });
    }

    @Incoming(Topics.APPEAL_DECIDED)
    @Blocking
    void appealDecided(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.APPEAL_DECIDED, record, e -> {
            required(e.appealId());
            required(e.userId());
            required(e.decision());
            notifier.appealDecided(e);
            mails.appealDecided(eventId(record), e);
        });
    }

    @Incoming(Topics.SANCTION_NOTICE_REQUESTED)
    @Blocking
    void sanctionNoticeRequested(ConsumerRecord<String, String> record) {
        inbox.handle(CONSUMER, Events.SANCTION_NOTICE_REQUESTED, record, e -> {
            required(e.userId());
            required(e.action());
            required(e.appealLink());
            mails.sanctionNotice(eventId(record), e);
        });
    }
}
