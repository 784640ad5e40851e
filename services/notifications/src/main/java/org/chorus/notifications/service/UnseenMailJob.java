package org.chorus.notifications.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.notifications.config.UnseenConfig;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Every {@code unseen.interval}: the mails about entries not seen within {@code unseen.after}, in batches. */
@ApplicationScoped
class UnseenMailJob {

    private final UnseenMails mails;
    private final UnseenConfig config;

    UnseenMailJob(UnseenMails mails, UnseenConfig config) {
        this.mails = mails;
        this.config = config;
    }

    @Scheduled(
            every = "${chorus.notifications.unseen.interval:1m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant before = Instant.now().minus(config.after());
        int total = 0;
        for (int mailed = config.batch(); mailed == config.batch(); ) {
            mailed = mails.mailDue(before, config.batch());
            total += mailed;
        }
        if (total > 0) {
            Log.infof("Queued %d mails about notifications not seen since %s", total, before);
        }
    }
}
