package org.chorus.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code data-export-ready}: private: carries a single-use download link for the user's data export. Read
 * only by notifications.
 * Key: userId.
 * @param downloadLink link that downloads the export's zip without a token, until expiresAt
 * @param expiresAt when the export is deleted and the link stops working
 */
public record DataExportReady(UUID exportId, UUID userId, String downloadLink, Instant expiresAt) {}
