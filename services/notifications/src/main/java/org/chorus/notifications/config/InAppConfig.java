package org.chorus.notifications.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** In-app notifications and the mail people control (see README). */
@ConfigMapping(prefix = "chorus.notifications")
public interface InAppConfig {

    /** Activities of one kind on one target within this time of the group's first one share an entry. */
    @WithDefault("24h")
    Duration groupWindow();

    /** Entries whose latest activity is older than this are purged. */
    @WithDefault("90d")
    Duration retention();

    /** How often the purge runs (read by its {@code @Scheduled}). */
    @WithDefault("1h")
    String purgeInterval();

    /** Rows deleted per purge transaction. */
    @WithDefault("1000")
    int purgeBatch();

    /** The one-click unsubscribe URL put in mails; {token} is replaced. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/api/notifications/unsubscribe?token={token}")
    String unsubscribeUrl();

    /** Where a mail's "open Chorus" link points. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/notifications")
    String notificationsUrl();
}
