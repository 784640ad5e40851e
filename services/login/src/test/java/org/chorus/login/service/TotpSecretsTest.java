package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.chorus.login.config.MfaConfig;
import org.junit.jupiter.api.Test;

class TotpSecretsTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static MfaConfig config(Optional<String> key) {
        return new MfaConfig() {
            @Override
            public String issuer() {
                return "Chorus";
            }

            @Override
            public Duration challengeLifetime() {
                return Duration.ofMinutes(5);
            }

            @Override
            public int challengeMaxFailures() {
                return 5;
            }

            @Override
            public Optional<String> secretKey() {
                return key;
            }

            @Override
            public int totpWindow() {
                return 1;
            }
        };
    }

    private static TotpSecrets withKey(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new TotpSecrets(config(Optional.of(Base64.getEncoder().encodeToString(key))));
    }

    @Test
    void withAKeyTheStoredFormIsEncryptedAndOpensToTheSecret() {
        TotpSecrets secrets = withKey(7);
        UUID account = UUID.randomUUID();
        byte[] sealed = secrets.seal(account, SECRET);
        assertEquals(1, sealed[0], "version byte: AES-GCM");
        assertEquals(1 + 12 + SECRET.length + 16, sealed.length);
        assertFalse(contains(sealed, SECRET), "the secret does not appear in what is stored");
        assertArrayEquals(SECRET, secrets.open(account, sealed));
        assertNotEquals(
                Arrays.toString(sealed), Arrays.toString(secrets.seal(account, SECRET)), "a fresh nonce each time");
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherAccountWithAnotherKeyOrAltered() {
        TotpSecrets secrets = withKey(7);
        UUID account = UUID.randomUUID();
        byte[] sealed = secrets.seal(account, SECRET);
        assertThrows(IllegalStateException.class, () -> secrets.open(UUID.randomUUID(), sealed));
        assertThrows(IllegalStateException.class, () -> withKey(8).open(account, sealed));
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThrows(IllegalStateException.class, () -> secrets.open(account, altered));
        assertThrows(
                IllegalStateException.class,
                () -> new TotpSecrets(config(Optional.empty())).open(account, sealed),
                "encrypted but no key");
    }

    @Test
    void withoutAKeyTheSecretIsStoredAsItIsBehindAVersionByte() {
        TotpSecrets secrets = new TotpSecrets(config(Optional.empty()));
        UUID account = UUID.randomUUID();
        byte[] stored = secrets.seal(account, SECRET);
        assertEquals(0, stored[0]);
        assertArrayEquals(SECRET, Arrays.copyOfRange(stored, 1, stored.length));
        assertArrayEquals(SECRET, secrets.open(account, stored));
        // a plain one still opens once a key is configured (turning encryption on later)
        assertArrayEquals(SECRET, withKey(7).open(account, stored));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAtStartup() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TotpSecrets(config(Optional.of(Base64.getEncoder().encodeToString(new byte[16])))));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
