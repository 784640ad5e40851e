package org.chorus.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.notifications")
public interface DeliveryConfig {

    /**
     * How often the sender looks for due deliveries, besides being woken after each commit that
     * queued one (read by the sender's {@code @Scheduled}); a safety net for retries and for
     * rows queued by other replicas.
     */
    @WithDefault("1s")
    String pollInterval();

    /** Deliveries sent per round at most, so one round cannot run for ever. */
    @WithDefault("50")
    int batchSize();

    /** Send attempts before a delivery is marked FAILED (and left for a human to look at). */
    @WithDefault("8")
    int maxAttempts();

    /** Pause after the first failed attempt; doubled after each further failure. */
    @WithDefault("5s")
    Duration retryBase();

    /** Longest pause between two attempts. */
    @WithDefault("30m")
    Duration retryMax();
}
