package org.chorus.admin.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.admin.config.AuditConfig;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes audit entries older than {@code chorus.audit.retention}, a bounded batch per transaction, so
 * a large backlog (the first run after a long pause, a shortened retention) never holds a long
 * transaction or many row locks. Replicas may run it at the same time: each skips rows the other has locked.
 */
@ApplicationScoped
public class AuditRetention {

    private final AuditLog audit;
    private final AuditConfig config;

    AuditRetention(AuditLog audit, AuditConfig config) {
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(
            every = "${chorus.audit.purge-interval:1h}",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Runs the retention now; returns how many entries it deleted. */
    public int purge() {
        Duration retention = config.retention();
        if (retention.isNegative() || retention.isZero()) {
            Log.errorf("chorus.audit.retention is %s; it must be positive, so nothing is deleted", retention);
            return 0;
        }
        Instant cutoff = Instant.now().minus(retention);
        int batchSize = Math.max(1, config.purgeBatchSize());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> audit.deleteOlderThan(cutoff, batchSize));
            total += deleted;
        } while (deleted == batchSize);
        int forgotten = QuarkusTransaction.requiringNew().call(() -> audit.forgetErasedBefore(cutoff));
        if (total + forgotten > 0) {
            Log.infof(
                    "Audit retention: deleted %d entries that occurred before %s and forgot %d erased users",
                    total, cutoff, forgotten);
        }
        return total;
    }
}
