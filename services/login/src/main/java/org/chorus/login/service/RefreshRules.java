package org.chorus.login.service;

import java.time.Duration;
import java.time.Instant;

import org.chorus.login.Account;
import org.chorus.login.AccountStatus;
import org.chorus.login.config.SessionConfig;

/**
 * The security rules of a refresh, in one place: both {@link RefreshRotation}'s JDBC fast path and
 * {@link RefreshService}'s entity path read the same rows and ask this what to do with them, so the
 * two can never disagree about which tokens are good (they did exist as two copies once). Pure: the
 * state and the time come in, a decision goes out; what a decision entails (revoking the session,
 * announcing a reuse) is the entity path's job.
 */
record RefreshRules(Duration idleTimeout, Duration refreshGrace) {

    static RefreshRules of(SessionConfig config) {
        return new RefreshRules(config.idleTimeout(), config.refreshGrace());
    }

    /**
     * What is known of a presented refresh token when it is decided: its session, its account
     * ({@code accountFound} false when the account is gone) and its own rotation.
     */
    record State(Instant sessionRevokedAt, Instant sessionExpiresAt, Instant sessionLastUsedAt,
                 boolean accountFound, AccountStatus accountStatus, Instant suspendedUntil,
                 Instant tokenRotatedAt) {
    }

    /** What a refresh does; the rejections carry the reason a session they end is revoked with. */
    enum Decision {
        /** A new pair: the live token, or one rotated inside the grace window (two tabs at once). */
        ROTATE(null, null),
        /** The session ended already; nothing changes. */
        REVOKED(RefreshService.Rejection.REVOKED, null),
        /** Past the session's absolute end or idle for too long: the session is revoked. */
        EXPIRED(RefreshService.Rejection.EXPIRED, "expired"),
        /** The account is gone, suspended or banned: the session is revoked. */
        ACCOUNT_INACTIVE(RefreshService.Rejection.REVOKED, "account-inactive"),
        /** A token rotated before the grace window presented again: the family leaked; revoked, announced. */
        REUSED(RefreshService.Rejection.REUSED, "refresh-token-reuse");

        final RefreshService.Rejection rejection;
        final String revocationReason;

        Decision(RefreshService.Rejection rejection, String revocationReason) {
            this.rejection = rejection;
            this.revocationReason = revocationReason;
        }
    }

    /** In this order: an ended session stays ended whatever else is true of it. */
    Decision decide(State state, Instant now) {
        if (state.sessionRevokedAt() != null) {
            return Decision.REVOKED;
        }
        if (now.isAfter(state.sessionExpiresAt()) || now.isAfter(state.sessionLastUsedAt().plus(idleTimeout))) {
            return Decision.EXPIRED;
        }
        if (!state.accountFound() || !Account.isActive(state.accountStatus(), state.suspendedUntil(), now)) {
            return Decision.ACCOUNT_INACTIVE;
        }
        if (state.tokenRotatedAt() != null && now.isAfter(state.tokenRotatedAt().plus(refreshGrace))) {
            return Decision.REUSED;
        }
        return Decision.ROTATE;
    }
}
