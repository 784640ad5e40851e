package org.chorus.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service consults the deny-list (the same semantics as the gateway's chorus.gateway.deny-list.*). */
@ConfigMapping(prefix = "chorus.security.deny-list")
public interface DenyListConfig {

    /** Check every authenticated request against the deny-list (env CHORUS_SECURITY_DENY_LIST_ENABLED). */
    @WithDefault("true")
    boolean enabled();

    /**
     * When Redis cannot answer in time: true lets verified tokens through (logged at most every 10 s), false
     * answers 503. Open by default, as at the gateway: access tokens live ~10 minutes, so the exposure is
     * bounded, and a Redis outage should not take every service down with it.
     */
    @WithDefault("true")
    boolean failOpen();

    /** How long a request waits for Redis before the deny-list counts as unavailable. */
    @WithDefault("500ms")
    Duration timeout();
}
