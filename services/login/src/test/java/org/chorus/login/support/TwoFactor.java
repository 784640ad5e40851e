package org.chorus.login.support;

import static org.chorus.login.support.Http.given;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.chorus.login.service.Totp;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An account with TOTP on, and the codes its authenticator app would show. */
public final class TwoFactor {

    private TwoFactor() {}

    /**
     * The code of the step {@code offset} steps from now. Near the end of a step it first waits
     * for the next one, so the service still sees the same current step when the code arrives.
     */
    public static String code(byte[] secret, int offset) {
        long now = Instant.now().getEpochSecond();
        long left = Totp.STEP_SECONDS - Math.floorMod(now, Totp.STEP_SECONDS);
        if (left < 4) {
            sleep(left * 1000 + 200);
        }
        return Totp.code(secret, Totp.step(Instant.now().getEpochSecond()) + offset);
    }

    /** A well-formed code that matches no step near now. */
    public static String wrongCode(byte[] secret) {
        long step = Totp.step(Instant.now().getEpochSecond());
        Set<String> near = new HashSet<>();
        for (long s = step - 3; s <= step + 3; s++) {
            near.add(Totp.code(secret, s));
        }
        while (true) {
            String candidate = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            if (!near.contains(candidate)) {
                return candidate;
            }
        }
    }

    public static byte[] decodeBase32(String value) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[value.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : value.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    /** Enrols and confirms TOTP (the confirmation uses the previous step's code, leaving now and later free). */
    public static Enabled enable(Accounts.SignedUp account) {
        String access = account.login().getString("accessToken");
        JsonPath enrolment = given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/api/auth/2fa/totp")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        byte[] secret = decodeBase32(enrolment.getString("secret"));
        List<String> recovery = given().auth()
                .oauth2(access)
                .contentType(ContentType.JSON)
                .body(Map.of("code", code(secret, -1)))
                .post("/api/auth/2fa/totp/confirm")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("recoveryCodes", String.class);
        return new Enabled(account, secret, recovery, access);
    }

    /** @param access a token from before 2FA was on (still valid: turning 2FA on ends no session) */
    public record Enabled(Accounts.SignedUp account, byte[] secret, List<String> recoveryCodes, String access) {}

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
