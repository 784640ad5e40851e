package org.chorus.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Takes pending outbox rows to Kafka. A row is marked sent only after the broker
 * acknowledged it; while the broker is away rows stay pending and the relay backs off and
 * tries again. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas of a
 * service relay side by side without sending a row twice at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private final Emitter<String> emitter;
    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final URI source;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile Instant pausedUntil = Instant.MIN;
    private int failures;
    private Instant unconnectedWarned = Instant.now();
    /**
     * Wake-ups run here, not on the context-propagating worker pool: a drain must never inherit
     * the committing caller's transaction context.
     */
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "chorus-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(
            @Channel("chorus-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    Emitter<String> emitter,
            EntityManager entityManager,
            OutboxConfig config) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.config = config;
        this.source = URI.create(config.source());
    }

    /** Asks for a round soon, off the caller's thread (called after a commit that wrote events). */
    void wakeUp() {
        wanted.set(true);
        try {
            waker.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // shutting down: the rows stay pending for the next start
        }
    }

    @PreDestroy
    void stop() {
        waker.shutdownNow();
    }

    @Scheduled(
            every = "${chorus.outbox.poll-interval:2s}",
            delayed = "${chorus.outbox.poll-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayGate.class)
    void poll() {
        wanted.set(true);
        drain();
    }

    /** Runs rounds until nothing is left or the broker fails; one drainer per JVM at a time. */
    void drain() {
        if (!running.tryLock()) {
            return; // the running drainer sees `wanted` and goes round again
        }
        try {
            if (!channelConnected()) {
                return; // rows stay pending; the next poll tries again
            }
            while (wanted.getAndSet(false) && Instant.now().isAfter(pausedUntil)) {
                int sent;
                do {
                    sent = relayRound();
                } while (sent == config.batchSize());
            }
        } catch (RuntimeException e) {
            Log.warnf("Outbox relay round failed: %s", e.getMessage());
        } finally {
            running.unlock();
        }
    }

    /**
     * Until the Kafka connector has subscribed to the channel (a few seconds after start, longer
     * if the broker is away) the emitter cannot take messages; sending then only fails with
     * SRMSG00019. Wait quietly, and say so once a minute if it lasts.
     */
    private boolean channelConnected() {
        if (!emitter.isCancelled()) {
            return true;
        }
        Instant now = Instant.now();
        if (now.isAfter(unconnectedWarned.plusSeconds(60))) {
            unconnectedWarned = now;
            Log.warn("Outbox relay: the Kafka channel chorus-outbox is not connected yet; events stay pending");
        }
        return false;
    }

    /** One transaction: claim a batch, send it, mark what was acknowledged. Returns how many were sent. */
    int relayRound() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.sendTimeout().toSeconds() + 30)
                .call(() -> {
                    List<OutboxEvent> batch = claimBatch();
                    if (batch.isEmpty()) {
                        return 0;
                    }
                    int sent = send(batch);
                    if (sent < batch.size()) {
                        backOff(batch.size() - sent, batch.get(sent).lastError);
                    } else {
                        failures = 0;
                    }
                    return sent;
                });
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> claimBatch() {
        return entityManager
                .createNativeQuery("""
                        select * from {h-schema}outbox_event
                        where sent_at is null
                        order by created_at, id
                        limit :limit
                        for update skip locked""", OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
    }

    /**
     * Sends the whole batch before waiting, so acknowledgements overlap; Kafka keeps records of
     * one key in order. Rows up to the first failure are marked sent; the rest stay pending.
     */
    private int send(List<OutboxEvent> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                emitter.send(toMessage(event, ack));
            } catch (RuntimeException e) { // buffer full, channel gone
                ack.completeExceptionally(e);
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        Instant now = Instant.now();
        int sent = 0;
        boolean failed = false;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                if (failed) {
                    throw new IllegalStateException("an earlier event of this round was not acknowledged");
                }
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                event.sentAt = now;
                sent++;
            } catch (Exception e) {
                failed = true;
                event.attempts++;
                event.lastError = describe(e);
            }
        }
        return sent;
    }

    /**
     * The broker's acknowledgement completes {@code ack} on the producer's thread. Plain futures,
     * not Mutiny: a Uni would carry this thread's context — the open transaction — to that
     * thread (Narayana then commits "with 2 threads active" and fails the round).
     */
    private Message<String> toMessage(OutboxEvent event, CompletableFuture<Void> ack) {
        return Message.of(event.payload)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic)
                        .withKey(event.key)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id.toString())
                        .withType(event.type)
                        .withSource(source)
                        .withSubject(event.key)
                        .withTimestamp(event.createdAt.atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build());
    }

    private void backOff(int unsent, String error) {
        failures++;
        Duration pause = nextPause();
        pausedUntil = Instant.now().plus(pause);
        Log.warnf(
                "Outbox relay: %d events not acknowledged by Kafka (%s); they stay pending, next try in %s",
                unsent, error, pause);
    }

    private Duration nextPause() {
        long seconds = 1L << Math.min(failures, 10);
        Duration pause = Duration.ofSeconds(seconds);
        return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    /** Sent rows and handled-event ids are only needed for a while; keep the tables small. */
    @Scheduled(
            every = "1h",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayGate.class)
    void purge() {
        Instant cutoff = Instant.now().minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> {
            int events = entityManager
                    .createNativeQuery("delete from {h-schema}outbox_event where sent_at < :cutoff")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
            int handled = entityManager
                    .createNativeQuery("delete from {h-schema}handled_event where handled_at < :cutoff")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate();
            if (events + handled > 0) {
                Log.infof(
                        "Purged %d sent outbox events and %d handled-event ids older than %s", events, handled, cutoff);
            }
        });
    }
}
