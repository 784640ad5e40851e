package org.chorus.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code data-export-part}: one chunk of one service's part of a data export. A service's part is one JSON
 * document (UTF-8), cut into chunks of at most 512 KiB, each sent Base64-encoded (under 700 KB, well inside Kafka's
 * default 1 MB record limit); the chunks joined in order are the document.
 * Key: userId.
 * @param service the service whose data this is: login, users, content, admin, notifications or messages
 * @param chunk the chunk's position, from 0
 * @param chunks how many chunks the service's part has (at least 1)
 * @param content the chunk's bytes, Base64
 */
public record DataExportPart(
        UUID exportId, UUID userId, String service, int chunk, int chunks, String content, Instant producedAt) {}
