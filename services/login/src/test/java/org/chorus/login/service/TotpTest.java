package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B: every time, every algorithm, 8 digits. */
    @ParameterizedTest(name = "T={0}")
    @CsvSource({
        "59,          94287082, 46119246, 90693936",
        "1111111109,  07081804, 68084774, 25091201",
        "1111111111,  14050471, 67062674, 99943326",
        "1234567890,  89005924, 91819424, 93441116",
        "2000000000,  69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void rfc6238AppendixBTestVectors(long time, String sha1, String sha256, String sha512) {
        long step = Totp.step(time);
        assertEquals(sha1, Totp.code(SEED_SHA1, step, "HmacSHA1", 8));
        assertEquals(sha256, Totp.code(SEED_SHA256, step, "HmacSHA256", 8));
        assertEquals(sha512, Totp.code(SEED_SHA512, step, "HmacSHA512", 8));
    }

    /** RFC 4226 Appendix D: HOTP values for counters 0 to 9 (TOTP is HOTP of the step). */
    @ParameterizedTest(name = "counter {0}")
    @CsvSource({
        "0, 755224",
        "1, 287082",
        "2, 359152",
        "3, 969429",
        "4, 338314",
        "5, 254676",
        "6, 287922",
        "7, 162583",
        "8, 399871",
        "9, 520489"
    })
    void rfc4226AppendixDSixDigitValues(long counter, String expected) {
        assertEquals(expected, Totp.code(SEED_SHA1, counter));
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertEquals(0, Totp.step(0));
        assertEquals(0, Totp.step(29));
        assertEquals(1, Totp.step(30));
        assertEquals(37037036, Totp.step(1111111109));
    }

    @Test
    void aCodeMatchesItsStepAndOneStepEitherSideButNotTwo() {
        long now = 1000;
        for (long offset = -1; offset <= 1; offset++) {
            OptionalLong step = Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now + offset), now, 1);
            assertEquals(OptionalLong.of(now + offset), step);
        }
        assertTrue(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now + 2), now, 1)
                .isEmpty());
        assertTrue(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now - 2), now, 1)
                .isEmpty());
        assertEquals(OptionalLong.of(now), Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now), now, 0));
        assertTrue(Totp.matchingStep(SEED_SHA1, Totp.code(SEED_SHA1, now + 1), now, 0)
                .isEmpty());
    }

    @Test
    void malformedCodesMatchNothing() {
        long now = 1000;
        String right = Totp.code(SEED_SHA1, now);
        for (String bad : new String[] {
            null, "", "12345", "1234567", "abcdef", right + " ", " " + right, right.substring(0, 5) + "x"
        }) {
            assertTrue(Totp.matchingStep(SEED_SHA1, bad, now, 1).isEmpty(), "matched: " + bad);
        }
    }

    @Test
    void aCodeOfAnotherSecretDoesNotMatch() {
        byte[] other = "09876543210987654321".getBytes(StandardCharsets.US_ASCII);
        long now = 52_000_000;
        String code = Totp.code(other, now);
        boolean collides = false;
        for (long s = now - 1; s <= now + 1; s++) {
            collides |= Totp.code(SEED_SHA1, s).equals(code);
        }
        assertEquals(collides, Totp.matchingStep(SEED_SHA1, code, now, 1).isPresent());
        assertTrue(!collides, "these two secrets happen to share no code around this step");
    }

    @Test
    void codesAreZeroPaddedToTheirLength() {
        // RFC 6238 vector at T=1111111109 starts with a zero
        assertEquals("07081804", Totp.code(SEED_SHA1, Totp.step(1111111109), "HmacSHA1", 8));
        assertEquals(6, Totp.code(SEED_SHA1, 12345).length());
        assertThrows(IllegalArgumentException.class, () -> Totp.code(SEED_SHA1, 1, "HmacSHA1", 9));
    }
}
