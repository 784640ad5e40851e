package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the reference implementation (Debian's {@code argon2} CLI: libargon2, the library the service runs):
 * {@code echo -n "correct horse battery staple" | argon2 c2FsdHNhbHRzYWx0MTY -id -k 19456 -t 2 -p 1 -l 32 -e}
 */
class Argon2idHashTest {

    private static final String OWASP_REFERENCE =
            "$argon2id$v=19$m=19456,t=2,p=1$YzJGc2RITmhiSFJ6WVd4ME1UWQ$7L4CeADwUt0iSjM5vlYqFkofoaVxRpGFSkmz5oFeBSs";
    /** {@code echo -n "pässwörd-ünicode" | argon2 anothersaltvalue -id -k 8192 -t 3 -p 2 -l 32 -e} */
    private static final String UNICODE_REFERENCE =
            "$argon2id$v=19$m=8192,t=3,p=2$YW5vdGhlcnNhbHR2YWx1ZQ$hla+0AE+5GP8RU4X2aNqL2l4zbrmt0Zla5Aiis/KeBQ";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void computesTheSamePhcStringAsTheReferenceImplementation() {
        Argon2idHash hash = Argon2idHash.compute(
                utf8("correct horse battery staple"), utf8("c2FsdHNhbHRzYWx0MTY"), 19456, 2, 1, 32);
        assertEquals(OWASP_REFERENCE, hash.phc());
    }

    @Test
    void verifiesReferenceHashesWithOtherParametersAndUnicodePasswords() {
        assertTrue(Argon2idHash.parse(UNICODE_REFERENCE).matches(utf8("pässwörd-ünicode")));
        assertFalse(Argon2idHash.parse(UNICODE_REFERENCE).matches(utf8("passwörd-ünicode")));
    }

    @Test
    void rejectsAWrongPassword() {
        assertFalse(Argon2idHash.parse(OWASP_REFERENCE).matches(utf8("correct horse battery stapler")));
    }

    @Test
    void parsingAndWritingAPhcStringRoundTrips() {
        Argon2idHash parsed = Argon2idHash.parse(OWASP_REFERENCE);
        assertEquals(19456, parsed.memoryKib());
        assertEquals(2, parsed.iterations());
        assertEquals(1, parsed.parallelism());
        assertArrayEquals(utf8("c2FsdHNhbHRzYWx0MTY"), parsed.salt());
        assertEquals(32, parsed.hash().length);
        assertEquals(OWASP_REFERENCE, parsed.phc());
        assertTrue(parsed.hasParameters(19456, 2, 1, 32));
        assertFalse(parsed.hasParameters(19456, 3, 1, 32));
    }

    @Test
    void refusesStringsThatAreNotArgon2idVersion19() {
        assertThrows(IllegalArgumentException.class, () -> Argon2idHash.parse(null));
        assertThrows(
                IllegalArgumentException.class, () -> Argon2idHash.parse("$argon2i$v=19$m=16,t=2,p=1$c2FsdA$aGFzaA"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Argon2idHash.parse("$argon2id$v=16$m=19456,t=2,p=1$c2FsdA$aGFzaA"));
        assertThrows(IllegalArgumentException.class, () -> Argon2idHash.parse("$argon2id$v=19$m=19456,t=2$c2FsdA"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Argon2idHash.parse("$argon2id$v=19$m=19456,x=2,p=1$c2FsdA$aGFzaA"));
        assertThrows(
                IllegalArgumentException.class, () -> Argon2idHash.parse("$argon2id$v=19$m=19456,t=2,p=1$!!$aGFzaA"));
    }

    @Test
    void twoHashesWithTheSameParametersSaltAndHashAreEqualWithTheSameHashCode() {
        Argon2idHash parsed = Argon2idHash.parse(OWASP_REFERENCE);
        Argon2idHash again = Argon2idHash.parse(OWASP_REFERENCE);
        Argon2idHash computed = Argon2idHash.compute(
                utf8("correct horse battery staple"), utf8("c2FsdHNhbHRzYWx0MTY"), 19456, 2, 1, 32);
        assertEquals(parsed, again);
        assertEquals(parsed, computed);
        assertEquals(parsed.hashCode(), computed.hashCode());
        assertTrue(new java.util.HashSet<>(java.util.List.of(parsed)).contains(computed));
    }

    @Test
    void aDifferentSaltHashOrParameterMakesAnotherValue() {
        Argon2idHash reference = Argon2idHash.parse(OWASP_REFERENCE);
        byte[] otherHash = reference.hash();
        otherHash[0] ^= 1;
        byte[] otherSalt = reference.salt();
        otherSalt[0] ^= 1;
        assertNotEquals(reference, new Argon2idHash(19456, 2, 1, reference.salt(), otherHash));
        assertNotEquals(reference, new Argon2idHash(19456, 2, 1, otherSalt, reference.hash()));
        assertNotEquals(reference, new Argon2idHash(19456, 3, 1, reference.salt(), reference.hash()));
        assertNotEquals(reference, Argon2idHash.parse(UNICODE_REFERENCE));
        assertNotEquals(reference, null);
    }

    @Test
    void itsArraysCannotBeChangedFromOutside() {
        byte[] salt = utf8("c2FsdHNhbHRzYWx0MTY");
        Argon2idHash reference = Argon2idHash.parse(OWASP_REFERENCE);
        Argon2idHash hash = new Argon2idHash(19456, 2, 1, salt, reference.hash());
        salt[0] = 0;
        hash.hash()[0] ^= 1;
        assertEquals(reference, hash);
        assertEquals(OWASP_REFERENCE, hash.phc());
    }

    @Test
    void itsStringShowsParametersButNeitherSaltNorHash() {
        String text = Argon2idHash.parse(OWASP_REFERENCE).toString();
        assertEquals("Argon2idHash[m=19456,t=2,p=1]", text);
    }

    /**
     * Every hash stored before the switch to libargon2 was made by Bouncy Castle's Argon2BytesGenerator: for random
     * passwords, salts and parameter sets (p > 1, odd memory sizes, other lengths) a PHC string that Bouncy Castle
     * makes verifies here, and both compute the same bytes.
     */
    @Test
    void hashesMadeByTheFormerBouncyCastleImplementationVerify() {
        Random random = new Random(16);
        int[][] parameters = {{19456, 2, 1, 32}, {8192, 3, 2, 32}, {4099, 1, 4, 16}, {65536, 1, 1, 64}};
        for (int[] p : parameters) {
            byte[] password = new byte[1 + random.nextInt(64)];
            byte[] salt = new byte[8 + random.nextInt(24)];
            random.nextBytes(password);
            random.nextBytes(salt);
            byte[] bouncyCastle = bouncyCastle(password, salt, p[0], p[1], p[2], p[3]);
            String stored = new Argon2idHash(p[0], p[1], p[2], salt, bouncyCastle).phc();
            assertTrue(Argon2idHash.parse(stored).matches(password), stored);
            password[0] ^= 1;
            assertFalse(Argon2idHash.parse(stored).matches(password), stored);
            password[0] ^= 1;
            assertArrayEquals(
                    bouncyCastle,
                    Argon2idHash.compute(password, salt, p[0], p[1], p[2], p[3]).hash(),
                    stored);
        }
    }

    private static byte[] bouncyCastle(
            byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int hashLength) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[hashLength];
        generator.generateBytes(password, out);
        return out;
    }
}
