package org.chorus.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/chorus/${quarkus.application.name}")
    String source();

    /**
     * How often the relay looks for pending rows, besides being woken after each commit that
     * wrote events (read by the relay's {@code @Scheduled}); a safety net for other replicas'
     * rows and for retries.
     */
    @WithDefault("2s")
    String pollInterval();

    /** Pause before the first scheduled look after start-up. */
    @WithDefault("1s")
    String pollDelay();

    /** Rows taken per round; each round is one transaction holding their row locks. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait for the broker to acknowledge a round before trying again later. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Longest pause between rounds while the broker keeps failing. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** How long sent rows and handled-event ids are kept (Kafka's own retention is shorter). */
    @WithDefault("14d")
    Duration retention();

    /** Attempts a consumer makes at one event before it goes to the dead-letter topic. */
    @WithDefault("3")
    int consumerAttempts();
}
