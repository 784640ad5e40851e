package org.chorus.login.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.login.SessionCompromised;
import org.chorus.login.Account;
import org.chorus.login.RefreshToken;
import org.chorus.login.Session;
import org.chorus.login.config.SessionConfig;
import org.chorus.outbox.Outbox;

import io.quarkus.logging.Log;

/**
 * Refresh-token rotation (RFC 9700): every refresh retires the presented token and hands out a
 * successor. A retired token presented again after the grace window means the family leaked — the
 * whole session is revoked and {@code session-compromised} emitted. Inside the window (two tabs
 * refreshing at once) the late caller gets a successor of its own instead of a logout.
 */
@ApplicationScoped
public class RefreshService {

    private final SessionConfig config;
    private final SessionService sessions;
    private final TokenPairs pairs;
    private final Outbox outbox;
    private final EntityManager entityManager;

    RefreshService(SessionConfig config, SessionService sessions, TokenPairs pairs, Outbox outbox,
                   EntityManager entityManager) {
        this.config = config;
        this.sessions = sessions;
        this.pairs = pairs;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /**
     * Exchanges a refresh token for a new pair. The session row is locked first, so concurrent
     * refreshes of one family queue up and each sees what the one before it did.
     */
    @Transactional
    public RefreshOutcome refresh(String presented, ClientInfo client) {
        String hash = OpaqueTokens.hash(presented);
        // the lock comes first and the token is read after it, in its own statement: a refresh that
        // held the lock before us has committed, so we see the token as it left it (no re-read needed)
        Session session = entityManager.createQuery("""
                        select s from Session s
                        where s.id = (select t.sessionId from RefreshToken t where t.tokenHash = :hash)""",
                        Session.class)
                .setParameter("hash", hash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (session == null) {
            return RefreshOutcome.rejected(Rejection.UNKNOWN);
        }
        // the token and its account in one round trip; the account may be gone (left join)
        Object[] row = entityManager.createQuery("""
                        select t, a from RefreshToken t left join Account a on a.id = :accountId
                        where t.tokenHash = :hash""", Object[].class)
                .setParameter("hash", hash)
                .setParameter("accountId", session.accountId)
                .getResultStream().findFirst().orElse(null);
        if (row == null) {
            return RefreshOutcome.rejected(Rejection.UNKNOWN);
        }
        RefreshToken token = (RefreshToken) row[0];
        Account account = (Account) row[1];
        Instant now = Instant.now();
        if (session.revoked()) {
            return RefreshOutcome.rejected(Rejection.REVOKED);
        }
        if (now.isAfter(session.expiresAt) || now.isAfter(session.lastUsedAt.plus(config.idleTimeout()))) {
            sessions.revoke(session, "expired", now);
            return RefreshOutcome.rejected(Rejection.EXPIRED);
        }
        if (account == null || !account.active()) {
            sessions.revoke(session, "account-inactive", now);
            return RefreshOutcome.rejected(Rejection.REVOKED);
        }
        if (token.rotatedAt != null && now.isAfter(token.rotatedAt.plus(config.refreshGrace()))) {
            sessions.revoke(session, "refresh-token-reuse", now);
            outbox.publish(Events.SESSION_COMPROMISED, account.id,
                    new SessionCompromised(account.id, session.id, client.ip(), now));
            Log.warnf("Refresh token reuse on session %s of user %s from %s: session revoked",
                    session.id, account.id, client.ip());
            return RefreshOutcome.rejected(Rejection.REUSED);
        }
        // a concurrent refresh inside the grace window (token already rotated) gets a successor of its own
        return RefreshOutcome.ok(pairs.rotate(account, session, hash, client, now));
    }

    public enum Rejection {
        UNKNOWN, REVOKED, EXPIRED, REUSED
    }

    /** A new pair, or why there is none (all rejections look the same to the client). */
    public record RefreshOutcome(TokenPair tokens, Rejection rejection) {
        static RefreshOutcome ok(TokenPair tokens) {
            return new RefreshOutcome(tokens, null);
        }

        static RefreshOutcome rejected(Rejection rejection) {
            return new RefreshOutcome(null, rejection);
        }
    }
}
