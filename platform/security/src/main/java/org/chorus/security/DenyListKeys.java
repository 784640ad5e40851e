package org.chorus.security;

/**
 * The deny-list login writes to Redis and every verifier reads (the gateway, and every service through
 * {@link RevocationCheck}):
 * <ul>
 * <li>{@code login:deny:sid:<sid>} exists → every token of that session is revoked (logout, revocation,
 * refresh-token reuse, a deleted API credential);</li>
 * <li>{@code login:deny:user:<sub>} = epoch seconds → every token of that user issued at or before that second
 * is revoked (suspension, deletion, password change); a value that is not a number counts as revoked.</li>
 * </ul>
 * Entries live for {@link TokenPolicy#denyListTtl}.
 */
public final class DenyListKeys {

    public static final String SESSION_PREFIX = "login:deny:sid:";
    public static final String USER_PREFIX = "login:deny:user:";

    private DenyListKeys() {
    }

    public static String sessionKey(String sid) {
        return SESSION_PREFIX + sid;
    }

    public static String userKey(String sub) {
        return USER_PREFIX + sub;
    }

    /**
     * Whether a token is revoked, given what Redis holds for its user and session keys (null: no entry).
     *
     * @param issuedAt the token's {@code iat}, epoch seconds
     */
    public static boolean revoked(String userEntry, String sessionEntry, long issuedAt) {
        if (sessionEntry != null) {
            return true;
        }
        if (userEntry == null) {
            return false;
        }
        try {
            return Long.parseLong(userEntry.trim()) >= issuedAt;
        } catch (NumberFormatException e) {
            return true; // login only writes numbers; anything else is read the safe way
        }
    }
}
