package org.chorus.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import org.chorus.gateway.AccessToken;

/**
 * Tokens whose signature, issuer and expiry were already checked, until their {@code exp}: a client sends the same
 * token with every request for ten minutes, and an RS256 verification costs far more than a hash. Keyed by the
 * token's SHA-256, so the map holds no usable token. Revocation is not cached: the deny-list is asked every time.
 * Bounded: past {@code maxEntries} expired entries are dropped, and if that is not enough, all of them.
 */
final class VerifiedTokens {

    private record Entry(AccessToken token, long expiresAtMillis) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    VerifiedTokens(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The verified token, or null when it is not cached or has expired. */
    AccessToken get(String key, long nowMillis) {
        if (maxEntries == 0) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis()) {
            entries.remove(key, entry);
            return null;
        }
        return entry.token();
    }

    void put(String key, AccessToken token, long expiresAtMillis, long nowMillis) {
        if (maxEntries == 0 || expiresAtMillis <= nowMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> nowMillis >= e.expiresAtMillis());
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(token, expiresAtMillis));
    }

    // one per event-loop thread: looking a digest up in the providers on every request costs more than hashing
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String key(String token) {
        byte[] hash = SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(hash);
    }
}
