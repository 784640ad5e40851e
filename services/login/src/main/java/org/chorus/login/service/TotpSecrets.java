package org.chorus.login.service;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.config.MfaConfig;

import io.quarkus.logging.Log;

/**
 * Seals TOTP secrets before they are stored: AES-256-GCM with a key from configuration
 * ({@code chorus.mfa.secret-key}, never in the database), the account id as associated data so a
 * sealed secret copied to another account's row does not open. Without a key the secret is stored
 * as it is (with a warning at startup): a database reader could then compute codes.
 * Stored forms: {@code 0x01 ‖ 12-byte nonce ‖ ciphertext+tag}, or {@code 0x00 ‖ secret}.
 */
@ApplicationScoped
public class TotpSecrets {

    private static final byte PLAIN = 0;
    private static final byte AES_GCM = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    TotpSecrets(MfaConfig config) {
        this.key = config.secretKey().map(TotpSecrets::readKey);
        if (key.isEmpty()) {
            Log.warn("chorus.mfa.secret-key is not set: TOTP secrets are stored unencrypted");
        }
    }

    public byte[] seal(UUID accountId, byte[] secret) {
        if (key.isEmpty()) {
            return ByteBuffer.allocate(1 + secret.length).put(PLAIN).put(secret).array();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, accountId, secret);
        return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                .put(AES_GCM)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /** The secret; fails when it was sealed with another key, for another account, or altered. */
    public byte[] open(UUID accountId, byte[] stored) {
        if (stored.length == 0) {
            throw new IllegalStateException("empty TOTP secret of " + accountId);
        }
        if (stored[0] == PLAIN) {
            return Arrays.copyOfRange(stored, 1, stored.length);
        }
        if (stored[0] != AES_GCM || stored.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("unreadable TOTP secret of " + accountId);
        }
        if (key.isEmpty()) {
            throw new IllegalStateException(
                    "the TOTP secret of " + accountId + " is encrypted but chorus.mfa.secret-key is not set");
        }
        byte[] nonce = Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES);
        return crypt(Cipher.DECRYPT_MODE, nonce, accountId, Arrays.copyOfRange(stored, 1 + NONCE_BYTES, stored.length));
    }

    private byte[] crypt(int mode, byte[] nonce, UUID accountId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.orElseThrow(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(accountId.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "TOTP secret of " + accountId + " cannot be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"),
                    e);
        }
    }

    private static SecretKey readKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("chorus.mfa.secret-key must be 32 bytes in Base64 (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
