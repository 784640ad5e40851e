package org.chorus.notifications.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.chorus.notifications.service.NotificationItem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Multi;

/**
 * Pushes changes to the users' open streams on every replica: each message goes to the Redis
 * channel {@value #EVENTS_CHANNEL}, which every replica's {@link StreamHub} subscribes to. Called
 * inside the transaction of the change, it publishes only once that transaction committed — a
 * client never sees a notification the database does not have (and a lost publish is repaired by
 * the client's next reconnect with Last-Event-ID).
 */
@ApplicationScoped
public class LiveEvents {

    /** Notifications' own messages (JSON {@link StreamMessage}). */
    public static final String EVENTS_CHANNEL = "notifications:events";
    /** Other services' ephemeral signals (JSON {@link StreamMessage.Signal}); see README. */
    public static final String SIGNALS_CHANNEL = "notifications:signals";

    private static final Object PENDING = LiveEvents.class.getName() + ".pending";

    private final ReactivePubSubCommands<String> pubsub;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<Pending> pendings;
    private final ObjectMapper json;

    LiveEvents(
            ReactiveRedisDataSource redis,
            TransactionSynchronizationRegistry transactions,
            Event<Pending> pendings,
            ObjectMapper json) {
        this.pubsub = redis.pubsub(String.class);
        this.transactions = transactions;
        this.pendings = pendings;
        this.json = json;
    }

    /**
     * The messages of one transaction, in the order it made them; fired once, at its first message, and published
     * when it has committed. One list, not one event a message: separate publishes could overtake each other.
     */
    public record Pending(List<String> messages) {}

    public void notification(UUID userId, NotificationItem item) {
        publish(new StreamMessage(List.of(userId), StreamMessage.NOTIFICATION, item.seq(), json.valueToTree(item)));
    }

    public void unreadCount(UUID userId, long count) {
        publish(new StreamMessage(
                List.of(userId),
                StreamMessage.UNREAD_COUNT,
                null,
                json.createObjectNode().put("count", count)));
    }

    private void publish(StreamMessage message) {
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stream message cannot be written", e);
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            send(List.of(text));
            return;
        }
        // one list per transaction, published in order after the commit (a notification before its unread count)
        @SuppressWarnings("unchecked")
        List<String> pending = (List<String>) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(PENDING, pending);
            pendings.fire(new Pending(pending));
        }
        pending.add(text);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Pending pending) {
        send(pending.messages());
    }

    /** One after the other: the client pool may use several connections, and a stream should see them in order. */
    private void send(List<String> texts) {
        Multi.createFrom()
                .iterable(List.copyOf(texts))
                .onItem()
                .transformToUniAndConcatenate(
                        text -> pubsub.publish(EVENTS_CHANNEL, text).replaceWith(text))
                .collect()
                .last()
                .subscribe()
                .with(
                        ok -> {},
                        failure -> Log.warnf(
                                "Stream message not published (clients catch up on reconnect): %s",
                                failure.getMessage()));
    }
}
