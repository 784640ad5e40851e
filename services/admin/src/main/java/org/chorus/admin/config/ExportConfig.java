package org.chorus.admin.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.export")
public interface ExportConfig {

    /**
     * The services whose part each export waits for (as named in data-export-part); fixed per export when it opens.
     * Only services that answer data-export-requested belong here, or every export ends overdue.
     */
    @WithDefault("login,users,content,admin,notifications")
    List<String> services();

    /** How long the parts may take before the export is flagged overdue (and the user may ask again). */
    @WithDefault("24h")
    Duration deadline();

    /** How long an assembled export (and its download link) is kept. */
    @WithDefault("7d")
    Duration retention();

    /** How often expired exports are deleted (read by the job's {@code @Scheduled}; {@code off} disables it). */
    @WithDefault("10m")
    String purgeInterval();

    /** The gateway's public address, for the download link ({@code chorus.public-url}). */
    String publicUrl();
}
