package org.chorus.outbox;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Holds the relay's schedule back until the application has started, and stops it at shutdown.
 * The scheduler may fire before SmallRye Reactive Messaging has wired its channels (it does so
 * in a library-priority startup observer, before this application-priority one); creating the
 * relay then fails with SRMSG00019. After shutdown begins the database is going away.
 */
@Singleton
class RelayGate implements Scheduled.SkipPredicate {

    private volatile boolean open;

    void onStart(@Observes StartupEvent event) {
        open = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        open = false;
    }

    boolean open() {
        return open;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !open;
    }
}
