package org.chorus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertEquals(
                "https://chorus.dev/problems/invalid-limit",
                problem.toProblem().type().toString());
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
        assertEquals(
                404,
                assertThrows(ProblemException.class, () -> Ids.path(raw, "User"))
                        .status());
        if (!raw.isBlank()) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Ids.query(raw, "userId"));
            assertEquals(400, problem.status());
            assertEquals(
                    "https://chorus.dev/problems/invalid-id",
                    problem.toProblem().type().toString());
        }
    }

    @Test
    void aListAnswerCarriesTheNextCursorOnlyWhenThereIsMore() {
        KeysetCursor next = new KeysetCursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());
        assertEquals(
                new ListResponse<>(List.of(2, 4), next.encode()),
                ListResponse.of(new Slice<>(List.of(1, 2), next), n -> n * 2));
        assertNull(ListResponse.of(new Slice<>(List.of(1), null)).nextCursor());
    }

    @Test
    void aSliceReadWithOneRowMoreStartsTheNextAtTheLastItemKept() {
        KeysetCursor at = new KeysetCursor(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID());
        Slice<Integer> more = Slice.of(List.of(1, 2, 3), 2, n -> n == 2 ? at : null);
        assertEquals(List.of(1, 2), more.items());
        assertEquals(at, more.next());
        Slice<Integer> last = Slice.of(List.of(1, 2), 2, n -> at);
        assertEquals(List.of(1, 2), last.items());
        assertNull(last.next());
    }

    @Test
    void aPathNumberIsAPlainWholeNumberFromOne() {
        assertEquals(1, Ids.pathNumber("1", "Version"));
        assertEquals(Integer.MAX_VALUE, Ids.pathNumber("2147483647", "Version"));
        for (String bad : new String[] {"0", "-1", "+1", "01", "x", "1.0", "2147483648", "99999999999", "", null}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Ids.pathNumber(bad, "Version"));
            assertEquals(404, problem.status(), bad);
        }
    }

    @Test
    void anOpaqueCursorGivesBackItsFieldsAndRefusesAnyOtherShape() {
        String cursor = OpaqueCursor.encode("p", 3, "a.b");
        assertEquals(List.of("p", "3", "a.b"), List.of(OpaqueCursor.decode(cursor, 3)));
        assertNull(OpaqueCursor.decode(null, 3));
        assertNull(OpaqueCursor.decode(" ", 3));
        for (String bad : new String[] {"%%%", "not base64!", OpaqueCursor.encode("p", 3)}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> OpaqueCursor.decode(bad, 3));
            assertEquals(
                    "https://chorus.dev/problems/invalid-cursor",
                    problem.toProblem().type().toString());
        }
    }

    @Test
    void aBodyIdIsRequiredToBeCanonicalEvenWhenBlank() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Ids.field(id.toString(), "parentId"));
        for (String bad : new String[] {"", " ", "nope", "1-1-1-1-1", null}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Ids.field(bad, "parentId"));
            assertEquals(400, problem.status(), bad);
        }
    }

    @Test
    void aRankedCursorComesBackExactlyAndRefusesWhatNoListHandsOut() {
        RankedCursor position = new RankedCursor(0.123456789f, UUID.randomUUID());
        assertEquals(position, RankedCursor.decode(position.encode()));
        assertNull(RankedCursor.decode(null));
        assertNull(RankedCursor.encode(null));
        UUID id = UUID.randomUUID();
        for (String bad : new String[] {
            "nope",
            OpaqueCursor.encode("x", id),
            OpaqueCursor.encode(Float.floatToIntBits(Float.NaN), id),
            OpaqueCursor.encode(1, "1-1-1-1-1"),
            OpaqueCursor.encode(1)
        }) {
            ProblemException problem = assertThrows(ProblemException.class, () -> RankedCursor.decode(bad), bad);
            assertEquals(400, problem.status(), bad);
        }
    }
}
