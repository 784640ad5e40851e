package org.chorus.events.privacy;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * How a service's part of a data export travels: its JSON document's bytes cut into chunks of at most
 * {@link #MAX_CHUNK_BYTES}, each Base64 in one {@code data-export-part} (so a record stays under 700 KB, inside Kafka's
 * default 1 MB limit, whatever the document holds: Base64 needs no JSON escaping). Part of the contract, so producers
 * and admin cut and join alike.
 */
public final class DataExportChunks {

    /** 512 KiB of the document per record */
    public static final int MAX_CHUNK_BYTES = 512 * 1024;

    /** at most this many chunks per service's part (100 MiB): a bigger part is refused, not sent */
    public static final int MAX_CHUNKS = 200;

    private DataExportChunks() {}

    /** The records that carry {@code document}; at least one, even for an empty document. */
    public static List<DataExportPart> split(
            UUID exportId, UUID userId, String service, byte[] document, Instant producedAt) {
        int chunks = Math.max(1, (document.length + MAX_CHUNK_BYTES - 1) / MAX_CHUNK_BYTES);
        if (chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("a data export part of " + document.length + " bytes is too large");
        }
        Base64.Encoder base64 = Base64.getEncoder();
        List<DataExportPart> parts = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            int from = i * MAX_CHUNK_BYTES;
            int to = Math.min(document.length, from + MAX_CHUNK_BYTES);
            byte[] chunk = Arrays.copyOfRange(document, from, to);
            parts.add(
                    new DataExportPart(exportId, userId, service, i, chunks, base64.encodeToString(chunk), producedAt));
        }
        return parts;
    }

    /** One chunk's bytes; refuses what is not Base64 or larger than a chunk may be. */
    public static byte[] decode(String content) {
        if (content == null || content.length() > (MAX_CHUNK_BYTES / 3 + 1) * 4) {
            throw new IllegalArgumentException("a data export chunk is missing or too large");
        }
        return Base64.getDecoder().decode(content);
    }

    /** The document, from its chunks' bytes in order. */
    public static byte[] join(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
