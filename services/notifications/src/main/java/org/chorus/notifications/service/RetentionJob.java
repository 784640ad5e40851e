package org.chorus.notifications.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.notifications.config.InAppConfig;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Old notifications expire: entries whose latest activity is older than
 * {@code chorus.notifications.retention} are deleted in small batches (SKIP LOCKED, so replicas
 * running it at once share the work instead of waiting on each other).
 */
@ApplicationScoped
class RetentionJob {

    private final NotificationStore store;
    private final InAppConfig config;

    RetentionJob(NotificationStore store, InAppConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(
            every = "${chorus.notifications.purge-interval:1h}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        purge(Instant.now().minus(config.retention()));
    }

    int purge(Instant before) {
        int total = 0;
        for (int deleted = -1; deleted != 0; ) {
            deleted = store.purge(before, config.purgeBatch());
            total += deleted;
        }
        if (total > 0) {
            Log.infof("Purged %d notifications older than %s", total, before);
        }
        return total;
    }
}
