package org.chorus.login.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sessions (refresh-token families). */
@ConfigMapping(prefix = "chorus.session")
public interface SessionConfig {

    /** A session not refreshed for this long ends. */
    @WithDefault("14d")
    Duration idleTimeout();

    /** A session ends this long after login, however much it is used. */
    @WithDefault("30d")
    Duration absoluteLifetime();

    /**
     * After a rotation, the rotated token is still accepted this long (two tabs refreshing at
     * once); after it, presenting it again is reuse and revokes the session.
     */
    @WithDefault("5s")
    Duration refreshGrace();
}
