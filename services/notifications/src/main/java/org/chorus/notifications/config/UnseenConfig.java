package org.chorus.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The optional mail about a notification not seen within a time (see README). */
@ConfigMapping(prefix = "chorus.notifications.unseen")
public interface UnseenConfig {

    /** An entry still unread this long after its latest activity is mailed (to members who turned it on). */
    @WithDefault("1h")
    Duration after();

    /** How often the due entries are looked for (read by its {@code @Scheduled}). */
    @WithDefault("1m")
    String interval();

    /** Entries mailed per transaction. */
    @WithDefault("100")
    int batch();
}
