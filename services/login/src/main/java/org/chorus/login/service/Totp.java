package org.chorus.login.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): 30-second steps counted from the
 * Unix epoch, HMAC of the step number, dynamic truncation to {@code digits} decimal digits.
 * Authenticator apps use HMAC-SHA1 and 6 digits; the other algorithms are here so the RFC's own
 * test vectors (Appendix B) can be checked.
 */
public final class Totp {

    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final String SHA1 = "HmacSHA1";

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The step an instant (epoch seconds) falls in. */
    public static long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, STEP_SECONDS);
    }

    /** The 6-digit SHA-1 code of a step, as an authenticator app shows it. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, SHA1, DIGITS);
    }

    /** RFC 4226 section 5.3: HMAC of the 8-byte big-endian counter, dynamically truncated. */
    public static String code(byte[] secret, long step, String hmacAlgorithm, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("1 to 8 digits");
        }
        byte[] hash = hmac(secret, ByteBuffer.allocate(8).putLong(step).array(), hmacAlgorithm);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step whose code {@code presented} is, among the current step and {@code window} steps
     * either side (clock drift between the phone and the server), or empty. Every candidate is
     * compared, in constant time, so the answer takes as long whichever step matched.
     */
    public static OptionalLong matchingStep(byte[] secret, String presented, long currentStep, int window) {
        if (presented == null
                || presented.length() != DIGITS
                || !presented.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
        long found = Long.MIN_VALUE;
        for (long step = currentStep - window; step <= currentStep + window; step++) {
            boolean same = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII), given);
            if (same && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    private static byte[] hmac(byte[] key, byte[] message, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is always available", e);
        }
    }
}
