package org.chorus.notifications.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.chorus.notifications.MailKind;
import org.chorus.notifications.config.DeliveryConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sends due deliveries. Each delivery is claimed with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction that holds the row lock while the mail goes out, so replicas never send the same
 * row at once; the outcome (SENT, or a retry later with exponential back-off, or FAILED after
 * the configured attempts) commits in that same transaction.
 *
 * <p>At-least-once, with one small window: if the process dies after the mail server accepted a
 * mail but before the SENT mark commits, the row is still PENDING and that one mail is sent again.
 * Everything else — a server that refuses, a crash before sending — leads to a retry, not a loss.
 */
@ApplicationScoped
class DeliverySender {

    private final EntityManager entityManager;
    private final MailComposer composer;
    private final MailTransport transport;
    private final DeliveryConfig config;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Counter reconnected;
    private volatile boolean stopping;

    DeliverySender(
            EntityManager entityManager,
            MailComposer composer,
            MailTransport transport,
            DeliveryConfig config,
            MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.composer = composer;
        this.transport = transport;
        this.config = config;
        // one counter per outcome: a rising "retry" or any "failed" is what an operator alerts on
        this.sent = outcome(metrics, "sent");
        this.retried = outcome(metrics, "retry");
        this.failed = outcome(metrics, "failed");
        this.reconnected = outcome(metrics, "reconnected");
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("chorus.notifications.deliveries")
                .description("Send attempts of e-mail deliveries, by outcome")
                .tag("outcome", outcome)
                .register(metrics);
    }

    /** No new rounds once shutting down: the database may already be gone; pending rows wait for the next start. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** A delivery was committed: send it soon, off the committing (Kafka consumer) thread. */
    void wakeUp(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueue.DeliveryQueued queued) {
        wanted.set(true);
        Infrastructure.getDefaultWorkerPool().execute(this::drain);
    }

    @Scheduled(
            every = "${chorus.notifications.poll-interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wanted.set(true);
        drain();
    }

    /** Sends rounds while asked to; one drainer per JVM at a time (others just ask for another round). */
    void drain() {
        if (stopping || !running.tryLock()) {
            return; // the running drainer sees `wanted` and goes round again
        }
        try {
            while (wanted.getAndSet(false)) {
                for (int i = 0; i < config.batchSize() && !stopping && sendNext(); i++) {
                    // one delivery per transaction: a slow or failing mail holds only its own row
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Delivery round failed (rows stay pending): %s", e.getMessage());
        } finally {
            running.unlock();
        }
    }

    /** Claims, sends and marks one due delivery; false when none is due. */
    boolean sendNext() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            List<?> rows = entityManager.createNativeQuery("""
                            select id, kind, recipient, cast(data as text), attempts from {h-schema}delivery
                            where status = 'PENDING' and next_attempt_at <= now()
                            order by next_attempt_at, id
                            limit 1
                            for update skip locked""").getResultList();
            if (rows.isEmpty()) {
                return false;
            }
            Object[] row = (Object[]) rows.get(0);
            UUID id = (UUID) row[0];
            int attempt = ((Number) row[4]).intValue() + 1;
            try {
                // once sent, the one-time link (if any) is dropped from the log: it is only its owner's
                send(composer.compose(MailKind.valueOf((String) row[1]), (String) row[2], (String) row[3]));
                entityManager
                        .createNativeQuery("""
                                update {h-schema}delivery set status = 'SENT', attempts = :attempt, sent_at = now(),
                                    last_error = null, data = data - 'link' - 'unsubscribeUrl' where id = :id""")
                        .setParameter("attempt", attempt)
                        .setParameter("id", id)
                        .executeUpdate();
                sent.increment();
            } catch (RuntimeException e) {
                failed(id, attempt, e);
            }
            return true;
        });
    }

    /**
     * A pooled connection the server has dropped (SMTP 421 after idling, or closed) fails the send
     * without saying anything about the mail: try once more at once — the pool opens a fresh
     * connection — instead of making the mail wait out the back-off.
     */
    private void send(Mail mail) {
        try {
            transport.send(mail);
        } catch (RuntimeException e) {
            if (!ConnectionFailures.isConnectionLevel(e)) {
                throw e;
            }
            Log.infof("Mail server connection failed (%s); sending again on a fresh connection", e.getMessage());
            reconnected.increment();
            transport.send(mail);
        }
    }

    private void failed(UUID id, int attempt, RuntimeException e) {
        boolean givenUp = attempt >= config.maxAttempts();
        Duration pause = backOff(attempt);
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        (givenUp ? failed : retried).increment();
        if (givenUp) {
            Log.errorf("Delivery %s failed %d times, giving up: %s", id, attempt, error);
        } else {
            Log.warnf("Delivery %s failed (attempt %d), next try in %s: %s", id, attempt, pause, error);
        }
        entityManager
                .createNativeQuery("""
                        update {h-schema}delivery set status = :status, attempts = :attempt, last_error = :error,
                            next_attempt_at = now() + cast(:pause as interval) where id = :id""")
                .setParameter("status", givenUp ? "FAILED" : "PENDING")
                .setParameter("attempt", attempt)
                .setParameter("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .setParameter("pause", pause.toMillis() + " milliseconds")
                .setParameter("id", id)
                .executeUpdate();
    }

    /** retryBase, doubled per further failure, capped at retryMax. */
    Duration backOff(int attempt) {
        Duration pause = config.retryBase().multipliedBy(1L << Math.min(attempt - 1, 30));
        return pause.compareTo(config.retryMax()) > 0 || pause.isNegative() ? config.retryMax() : pause;
    }
}
