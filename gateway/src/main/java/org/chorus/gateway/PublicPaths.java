package org.chorus.gateway;

import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;

/**
 * Which requests need an access token at the edge. Everything under /api needs one except the paths below, which
 * the services declare public themselves ({@code @PermitAll}, no security requirement in their OpenAPI documents);
 * the service still decides what an anonymous caller may see there.
 */
public final class PublicPaths {

    /** How the edge treats the token of a request. */
    public enum Access {
        /** The token is not looked at, not even when sent (login guards its own authenticated endpoints). */
        IGNORED,
        /** No token needed; when one is sent it must be valid (a bad one is 401), so the service can trust it. */
        OPTIONAL,
        /** A valid token is needed. */
        REQUIRED
    }

    // one path segment for the id: /api/users/{id}/avatar, .../avatar.png, .../avatar.svg, nothing deeper
    private static final Pattern AVATAR = Pattern.compile("^/api/users/[^/]+/avatar(\\.png|\\.svg)?$");

    private static final String[] PUBLIC_READS = {
        "/api/posts",
        "/api/comments",
        "/api/feed/public",
        "/api/feed/tags",
        "/api/feed/users",
        "/api/pages",
        "/api/search",
        "/api/docs"
    };

    private PublicPaths() {}

    /** @param path the normalised request path (no dot segments) */
    public static Access access(HttpMethod method, String path) {
        // sign-up, login, refresh and JWKS must work without an access token, and a stale one must not block a
        // refresh
        if (under(path, "/api/auth")) {
            return Access.IGNORED;
        }
        boolean get = method == HttpMethod.GET;
        boolean read = get || method == HttpMethod.HEAD;
        if (read && (AVATAR.matcher(path).matches() || underAny(path, PUBLIC_READS))) {
            return Access.OPTIONAL;
        }
        // a suspended user's appeal, reached through the code in the suspension e-mail
        if ((get || method == HttpMethod.POST) && under(path, "/api/admin/appeals/code")) {
            return Access.OPTIONAL;
        }
        // a data export's download, by the one-time code in the mail (admin checks the code)
        if (read && under(path, "/api/admin/exports/download")) {
            return Access.OPTIONAL;
        }
        // RFC 8058 one-click unsubscribe: the mail client POSTs without any session
        if ((get || method == HttpMethod.POST) && path.equals("/api/notifications/unsubscribe")) {
            return Access.OPTIONAL;
        }
        // EventSource cannot send headers: notifications checks a single-use ticket in the query instead
        if (get && path.equals("/api/notifications/stream")) {
            return Access.OPTIONAL;
        }
        // a browser's WebSocket cannot send headers either: the live socket of notifications (and of messages)
        // is opened with a ticket in the query, checked by the service
        if (get && (path.equals("/api/notifications/socket") || path.equals("/api/conversations/socket"))) {
            return Access.OPTIONAL;
        }
        return Access.REQUIRED;
    }

    public static boolean isPublic(HttpMethod method, String path) {
        return access(method, path) != Access.REQUIRED;
    }

    private static boolean underAny(String path, String[] prefixes) {
        for (String prefix : prefixes) {
            if (under(path, prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
