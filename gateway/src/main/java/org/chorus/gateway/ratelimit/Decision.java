package org.chorus.gateway.ratelimit;

/**
 * The limiter's answer for one request.
 *
 * @param remaining         requests the caller may still make at once
 * @param resetMillis       until the caller's whole budget is back
 * @param retryAfterMillis  until the next request would be allowed (0 when this one is)
 */
public record Decision(Policy policy, boolean allowed, long remaining, long resetMillis, long retryAfterMillis) {

    /** {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers, structured-field form). */
    public String header() {
        return "\"" + policy.routeClass().policyName() + "\";r=" + remaining + ";t=" + seconds(resetMillis);
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, seconds(retryAfterMillis));
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
