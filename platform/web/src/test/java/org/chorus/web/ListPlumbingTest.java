package org.chorus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The limit, id and list-answer rules every list of every service shares. */
class ListPlumbingTest {

    @Test
    void aMissingLimitIsTheDefaultAndAGoodOneIsKept() {
        assertEquals(Limits.DEFAULT, Limits.parse(null));
        assertEquals(Limits.DEFAULT, Limits.parse(" "));
        assertEquals(1, Limits.parse("1"));
        assertEquals(Limits.MAX, Limits.parse(" 100 "));
        assertEquals(7, Limits.parse(null, 7, 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "abc", "1.5", "99999999999", "\u0000"})
    void anyOtherLimitIs400InvalidLimit(String raw) {
        ProblemException problem = assertThrows(ProblemException.class, () -> Limits.parse(raw));
        assertEquals(400, problem.status());
        assertEquals("https://chorus.dev/problems/invalid-limit", problem.toProblem().type().toString());
    }

    @Test
    void aCanonicalIdIsAccepted() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Ids.path(id.toString(), "User"));
        assertEquals(id, Ids.path(id.toString().toUpperCase(), "User"));
        assertEquals(id, Ids.query(id.toString(), "userId"));
        assertNull(Ids.query(null, "userId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "not-a-uuid", "", "00000000-0000-0000-0000-0000000000000", "\u0000"})
    void aMalformedPathIdNamesNothingAndAMalformedQueryIdIsTheClientsMistake(String raw) {
        assertEquals(404, assertThrows(ProblemException.class, () -> Ids.path(raw, "User")).status());
        if (!raw.isBlank()) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Ids.query(raw, "userId"));
            assertEquals(400, problem.status());
            assertEquals("https://chorus.dev/problems/invalid-id", problem.toProblem().type().toString());
        }
    }

    @Test
    void aListAnswerCarriesTheNextCursorOnlyWhenThereIsMore() {
        KeysetCursor next = new KeysetCursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());
        assertEquals(new ListResponse<>(List.of(2, 4), next.encode()),
                ListResponse.of(new Slice<>(List.of(1, 2), next), n -> n * 2));
        assertNull(ListResponse.of(new Slice<>(List.of(1), null)).nextCursor());
    }
}
