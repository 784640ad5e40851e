package org.chorus.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live stream (see README). */
@ConfigMapping(prefix = "chorus.notifications.stream")
public interface StreamConfig {

    /** How long a stream ticket may wait to be used. */
    @WithDefault("30s")
    Duration ticketLifetime();

    /** A comment line on every open stream this often, so proxies keep idle connections. */
    @WithDefault("15s")
    Duration heartbeat();

    /** How often every open stream's session is checked against login's deny-list (one MGET). */
    @WithDefault("1s")
    Duration revocationCheck();

    /** Open streams per user across all replicas; opening one more closes the user's oldest, wherever it is. */
    @WithDefault("5")
    int maxPerUser();

    /**
     * How long a stream counts towards the cap without its replica renewing it (every third of this):
     * the streams of a replica that crashed stop counting after this.
     */
    @WithDefault("30s")
    Duration lease();

    /** First wait before subscribing to Redis again after the subscription was lost (doubles up to 5 s). */
    @WithDefault("500ms")
    Duration resubscribeDelay();

    /** Bytes a connection may have waiting to be written; a client that falls further behind is dropped. */
    @WithDefault("65536")
    int bufferBytes();

    /** Notifications replayed at most for a Last-Event-ID; more missed → the client reloads the list. */
    @WithDefault("500")
    int replayLimit();
}
