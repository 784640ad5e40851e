package org.chorus.admin.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Deletes the archives of expired exports, every {@code chorus.export.purge-interval}; safe on several replicas. */
@ApplicationScoped
public class DataExportExpiry {

    private final DataExports exports;

    DataExportExpiry(DataExports exports) {
        this.exports = exports;
    }

    @Scheduled(
            every = "${chorus.export.purge-interval:10m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Expires every export past its time now; returns how many. */
    public int run() {
        int expired = exports.expireDue();
        if (expired > 0) {
            Log.infof("Deleted the archives of %d expired data exports", expired);
        }
        return expired;
    }
}
