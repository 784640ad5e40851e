package org.chorus.gateway;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0b9f6d5e-2a4c-4c1e-9d55-6e1f0f3d9c11", "trace:1.2_3-4"})
    void aWellFormedIdIsKept(String id) {
        assertEquals(id, RequestIds.acceptOrCreate(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\nline", "<script>", "ünïcode"})
    void aMalformedIdIsReplacedByAUuid(String id) {
        String result = RequestIds.acceptOrCreate(id);
        assertNotEquals(id, result);
        assertDoesNotThrow(() -> UUID.fromString(result));
    }

    @Test
    void anOverlongIdIsReplaced() {
        assertEquals("a".repeat(128), RequestIds.acceptOrCreate("a".repeat(128)));
        assertNotEquals("a".repeat(129), RequestIds.acceptOrCreate("a".repeat(129)));
    }

    @Test
    void noIdGetsANewUuid() {
        assertDoesNotThrow(() -> UUID.fromString(RequestIds.acceptOrCreate(null)));
    }
}
