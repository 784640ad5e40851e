package org.chorus.admin.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.moderation")
public interface ModerationConfig {

    /** Where users open the appeal page: the gateway's public address ({@code chorus.public-url}). */
    String publicUrl();

    /** How long after a sanction its user may appeal. */
    @WithDefault("20d")
    Duration appealWindow();

    /** How often due suspensions are ended (read by the job's {@code @Scheduled}; {@code off} disables it). */
    @WithDefault("10s")
    String expiryInterval();

    /** How many due suspensions one transaction of the expiry job ends. */
    @WithDefault("100")
    int expiryBatchSize();
}
