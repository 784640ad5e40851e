package org.chorus.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code data-export-requested}: a user asked for an export of their data; every service holding data of
 * theirs answers with data-export-part.
 * Key: userId.
 * @param exportId the export the parts belong to
 */
public record DataExportRequested(UUID exportId, UUID userId, Instant requestedAt) {}
