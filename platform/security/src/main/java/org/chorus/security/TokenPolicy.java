package org.chorus.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The time rules every verifier of a Chorus access token shares, and what follows from them for the deny-list.
 * A verifier accepts a token until {@code exp + CLOCK_SKEW}; a token revoked at {@code t} was issued at or
 * before {@code t}, so it expires at the latest at {@code t + lifetime} and is accepted at the latest until
 * {@code t + lifetime + CLOCK_SKEW}. Its deny-list entry must live at least that long: login writes it for
 * {@link #denyListTtl} — the window plus {@link #DENY_LIST_MARGIN} for clock differences between login and
 * Redis and for rounding to whole seconds.
 */
public final class TokenPolicy {

    /**
     * Leeway for clock differences when checking {@code exp}, {@code nbf} and {@code iat}: the value of
     * {@code mp.jwt.verify.clock.skew} this library ships, which the gateway and login use too.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** How much longer than the last verifier's acceptance a deny-list entry lives. */
    public static final Duration DENY_LIST_MARGIN = Duration.ofSeconds(30);

    private TokenPolicy() {
    }

    /**
     * The TTL for a deny-list entry written {@code now} for a revocation at {@code revokedAt}, rounded up to
     * whole seconds; zero or less when every token it could deny is past every verifier's acceptance.
     */
    public static long denyListTtl(Duration tokenLifetime, Duration clockSkew, Instant revokedAt, Instant now) {
        Duration left = tokenLifetime.plus(clockSkew).plus(DENY_LIST_MARGIN).minus(Duration.between(revokedAt, now));
        long seconds = left.getSeconds();
        return left.getNano() > 0 ? seconds + 1 : seconds;
    }
}
