package org.chorus.gateway;

import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;

/** Requests the gateway lets through without an access token. Everything else under /api needs one. */
public final class PublicPaths {

    // one path segment between users/ and /avatar: /api/users/{id}/avatar, nothing deeper
    private static final Pattern AVATAR = Pattern.compile("^/api/users/[^/]+/avatar$");

    private PublicPaths() {
    }

    /**
     * @param path the normalised request path (no dot segments)
     */
    public static boolean isPublic(HttpMethod method, String path) {
        // login guards its own authenticated endpoints (logout, sessions, ...): sign-up, login, refresh and JWKS
        // must work without an access token, and a stale one must not block a refresh
        if (under(path, "/api/auth")) {
            return true;
        }
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        return read && (AVATAR.matcher(path).matches() || under(path, "/api/pages"));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
