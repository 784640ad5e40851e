package org.chorus.gateway.ratelimit;

import java.time.Duration;

/**
 * At most {@code limit} requests per {@code window}, as a smooth rate (GCRA): one request's worth comes back every
 * window / limit, and a caller at rest may spend the whole limit at once.
 */
public record Policy(RouteClass routeClass, int limit, Duration window) {

    public Policy {
        if (limit < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("Rate limit " + routeClass.policyName() + ": limit and window must be positive");
        }
    }

    /** {@code RateLimit-Policy} (draft-ietf-httpapi-ratelimit-headers, structured-field form). */
    public String header() {
        return "\"" + routeClass.policyName() + "\";q=" + limit + ";w=" + Math.max(1, window.toSeconds());
    }
}
