package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    /** RFC 4648 section 10, without the padding authenticator URIs leave out. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void rfc4648TestVectors(String input, String expected) {
        assertEquals(expected, Base32.encode(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"10, 16", "20, 32"})
    void aSecretOfNBytesHasTheExpectedLength(int bytes, int characters) {
        assertEquals(characters, Base32.encode(new byte[bytes]).length());
        assertEquals("A".repeat(characters), Base32.encode(new byte[bytes]));
    }
}
