package org.chorus.gateway.ratelimit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;

/** The budget a request is counted against; each has its own limit (see {@code chorus.gateway.rate-limit.*}). */
public enum RouteClass {
    /** Sign-up, login, 2FA, password reset, login link, token exchange: the strictest, per client address. */
    AUTHENTICATION("authentication"),
    /** New posts and comments. */
    POSTING("posting"),
    /** Request bodies that are files. */
    UPLOADS("uploads"),
    WRITES("writes"),
    READS("reads");

    private static final Set<String> AUTHENTICATION_PATHS = Set.of("/api/auth/signup", "/api/auth/login",
            "/api/auth/login/2fa", "/api/auth/token", "/api/auth/password-reset", "/api/auth/password-reset/complete",
            "/api/auth/login-link", "/api/auth/login-link/complete", "/api/auth/verify-email/resend");
    private static final Pattern COMMENTS_OF_A_POST = Pattern.compile("^/api/posts/[^/]+/comments$");

    private final String policyName;

    RouteClass(String policyName) {
        this.policyName = policyName;
    }

    /** The name in the RateLimit headers and in Redis keys. */
    public String policyName() {
        return policyName;
    }

    /** @param contentType the request's Content-Type, or null */
    public static RouteClass of(HttpMethod method, String path, String contentType) {
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return READS;
        }
        if (method == HttpMethod.POST && AUTHENTICATION_PATHS.contains(path)) {
            return AUTHENTICATION;
        }
        if (method == HttpMethod.POST && (path.equals("/api/posts") || path.equals("/api/comments")
                || path.startsWith("/api/comments/") || COMMENTS_OF_A_POST.matcher(path).matches())) {
            return POSTING;
        }
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/") || type.startsWith("image/")
                    || type.startsWith("application/octet-stream")) {
                return UPLOADS;
            }
        }
        return WRITES;
    }
}
