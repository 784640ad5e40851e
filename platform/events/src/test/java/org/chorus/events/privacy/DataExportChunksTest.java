package org.chorus.events.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DataExportChunksTest {

    private static final UUID EXPORT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    @Test
    void aLargeDocumentIsCutIntoBoundedChunksThatJoinBackToIt() {
        byte[] document = new byte[DataExportChunks.MAX_CHUNK_BYTES * 2 + 17];
        new Random(7).nextBytes(document);
        List<DataExportPart> parts = DataExportChunks.split(EXPORT, USER, "login", document, Instant.now());
        assertEquals(3, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(i, parts.get(i).chunk());
            assertEquals(3, parts.get(i).chunks());
            // what Kafka carries: well under its default 1 MB record limit
            assertTrue(parts.get(i).content().length() < 700_000, "chunk " + i + " is too large a record");
        }
        byte[] joined = DataExportChunks.join(
                parts.stream().map(p -> DataExportChunks.decode(p.content())).toList());
        assertArrayEquals(document, joined);
    }

    @Test
    void anEmptyDocumentIsOneChunk() {
        List<DataExportPart> parts = DataExportChunks.split(EXPORT, USER, "admin", new byte[0], Instant.now());
        assertEquals(1, parts.size());
        assertEquals(1, parts.get(0).chunks());
        assertEquals(0, DataExportChunks.decode(parts.get(0).content()).length);
    }

    @Test
    void aTooLargeDocumentOrChunkIsRefused() {
        byte[] huge = new byte[DataExportChunks.MAX_CHUNK_BYTES * DataExportChunks.MAX_CHUNKS + 1];
        assertThrows(
                IllegalArgumentException.class, () -> DataExportChunks.split(EXPORT, USER, "x", huge, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> DataExportChunks.decode("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> DataExportChunks.decode(null));
        assertThrows(
                IllegalArgumentException.class,
                () -> DataExportChunks.decode("A".repeat(DataExportChunks.MAX_CHUNK_BYTES * 2)));
    }
}
