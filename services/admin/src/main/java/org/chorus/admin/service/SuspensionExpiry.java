package org.chorus.admin.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.admin.config.ModerationConfig;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Ends temporary suspensions at their time: every {@code chorus.moderation.expiry-interval} it claims the
 * due ones with {@code FOR UPDATE SKIP LOCKED} (replicas share the work, none ends one twice) and publishes
 * user-reinstated for each, a batch per transaction.
 */
@ApplicationScoped
public class SuspensionExpiry {

    private final Sanctions sanctions;
    private final ModerationConfig config;

    SuspensionExpiry(Sanctions sanctions, ModerationConfig config) {
        this.sanctions = sanctions;
        this.config = config;
    }

    @Scheduled(every = "${chorus.moderation.expiry-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Ends every due suspension now; returns how many. */
    public int run() {
        int batch = Math.max(1, config.expiryBatchSize());
        int total = 0;
        int ended;
        do {
            ended = QuarkusTransaction.requiringNew().call(() -> sanctions.expireDue(batch));
            total += ended;
        } while (ended == batch);
        if (total > 0) {
            Log.infof("Ended %d suspensions whose time had come", total);
        }
        return total;
    }
}
