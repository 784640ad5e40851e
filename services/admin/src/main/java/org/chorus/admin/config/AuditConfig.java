package org.chorus.admin.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.audit")
public interface AuditConfig {

    /** How long an audit entry is kept, counted from the time of its event; older ones are deleted. */
    @WithDefault("365d")
    Duration retention();

    /** How often the retention job runs (read by its {@code @Scheduled}). */
    @WithDefault("1h")
    String purgeInterval();

    /** Entries deleted per transaction by the retention job, so no run holds many row locks at once. */
    @WithDefault("1000")
    int purgeBatchSize();
}
