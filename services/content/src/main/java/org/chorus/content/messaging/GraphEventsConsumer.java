package org.chorus.content.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chorus.content.service.Directory;
import org.chorus.content.service.Directory.Relation;
import org.chorus.events.Events;
import org.chorus.events.Topics;
import org.chorus.outbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Content's copy of the social graph (users): friendships, blocks and mutes. A relation's start and end travel on
 * different topics, so each row keeps the time of its last decision and the later one wins.
 */
@ApplicationScoped
class GraphEventsConsumer {

    private final Inbox inbox;
    private final Directory directory;

    GraphEventsConsumer(Inbox inbox, Directory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Incoming(Topics.FRIENDSHIP_CREATED)
    @Blocking
    void friends(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.FRIENDSHIP_CREATED, record, e -> directory.relate(
                Relation.FRIENDSHIP, Required.of(e.userId()), Required.of(e.friendId()), true, e.createdAt()));
    }

    @Incoming(Topics.FRIENDSHIP_REMOVED)
    @Blocking
    void unfriends(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.FRIENDSHIP_REMOVED, record, e -> directory.relate(
                Relation.FRIENDSHIP, Required.of(e.userId()), Required.of(e.friendId()), false, e.removedAt()));
    }

    @Incoming(Topics.USER_BLOCKED)
    @Blocking
    void blocked(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.USER_BLOCKED, record, e -> directory.relate(
                Relation.BLOCK, Required.of(e.blockerId()), Required.of(e.blockedId()), true, e.blockedAt()));
    }

    @Incoming(Topics.USER_UNBLOCKED)
    @Blocking
    void unblocked(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.USER_UNBLOCKED, record, e -> directory.relate(
                Relation.BLOCK, Required.of(e.blockerId()), Required.of(e.blockedId()), false, e.unblockedAt()));
    }

    @Incoming(Topics.USER_MUTED)
    @Blocking
    void muted(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.USER_MUTED, record, e -> directory.relate(
                Relation.MUTE, Required.of(e.muterId()), Required.of(e.mutedId()), true, e.mutedAt()));
    }

    @Incoming(Topics.USER_UNMUTED)
    @Blocking
    void unmuted(ConsumerRecord<String, String> record) {
        inbox.handle(AccountEventsConsumer.CONSUMER, Events.USER_UNMUTED, record, e -> directory.relate(
                Relation.MUTE, Required.of(e.muterId()), Required.of(e.mutedId()), false, e.unmutedAt()));
    }
}
