package org.chorus.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits, bounded, for something that happens asynchronously (an event being consumed, a relay publishing). */
public final class Poll {

    /** Long enough for a consumer on a loaded shared machine; a test that passes returns as soon as it holds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private Poll() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_TIMEOUT, condition);
    }
}
