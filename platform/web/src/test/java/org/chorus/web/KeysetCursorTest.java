package org.chorus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class KeysetCursorTest {

    @Test
    void aCursorComesBackAsThePositionItWasMadeFrom() {
        KeysetCursor position = new KeysetCursor(Instant.parse("2026-11-23T18:34:08.722330493Z"), UUID.randomUUID());
        String opaque = position.encode();
        assertTrue(opaque.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + opaque);
        assertEquals(position, KeysetCursor.decode(opaque));
        // times before 1970 and the nanoseconds survive too
        KeysetCursor early = new KeysetCursor(Instant.parse("1969-07-20T20:17:40.000000001Z"), UUID.randomUUID());
        assertEquals(early, KeysetCursor.decode(early.encode()));
    }

    @Test
    void noCursorIsTheFirstOrTheLastPage() {
        assertNull(KeysetCursor.decode(null));
        assertNull(KeysetCursor.decode(""));
        assertNull(KeysetCursor.decode("  "));
        assertNull(KeysetCursor.encode(null));
    }

    @Test
    void anythingAListDidNotHandOutIsA400() {
        String notAnId = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("1.0.not-a-uuid".getBytes(StandardCharsets.UTF_8));
        String tooShort = Base64.getUrlEncoder().withoutPadding().encodeToString("12".getBytes(StandardCharsets.UTF_8));
        UUID id = UUID.randomUUID();
        for (String bad : new String[] {
            "%%%",
            "not base64!",
            notAnId,
            tooShort,
            raw("x.0." + id),
            raw("99999999999999.0." + id),
            raw("-99999999999.0." + id),
            raw("1.-5." + id),
            raw("1.1000000000." + id),
            raw("1.0.1-1-1-1-1")
        }) {
            ProblemException problem = assertThrows(ProblemException.class, () -> KeysetCursor.decode(bad), bad);
            assertEquals(400, problem.status(), bad);
        }
    }

    private static String raw(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
