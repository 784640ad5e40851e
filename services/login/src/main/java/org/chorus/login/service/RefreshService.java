package org.chorus.login.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.login.SessionCompromised;
import org.chorus.login.Account;
import org.chorus.login.RefreshToken;
import org.chorus.login.Session;
import org.chorus.login.config.SessionConfig;
import org.chorus.outbox.Outbox;
import org.hibernate.query.NativeQuery;

import io.quarkus.logging.Log;

/**
 * Refresh-token rotation (RFC 9700): every refresh retires the presented token and hands out a
 * successor. A retired token presented again after the grace window means the family leaked — the
 * whole session is revoked and {@code session-compromised} emitted. Inside the window (two tabs
 * refreshing at once) the late caller gets a successor of its own instead of a logout.
 */
@ApplicationScoped
public class RefreshService {

    private final RefreshRules rules;
    private final SessionService sessions;
    private final TokenPairs pairs;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final RefreshRotation rotation;

    RefreshService(SessionConfig config, SessionService sessions, TokenPairs pairs, Outbox outbox,
                   EntityManager entityManager, RefreshRotation rotation) {
        this.rotation = rotation;
        this.rules = RefreshRules.of(config);
        this.sessions = sessions;
        this.pairs = pairs;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /**
     * Exchanges a refresh token for a new pair. The session row is locked first, so concurrent
     * refreshes of one family queue up and each sees what the one before it did. The common case
     * takes {@link RefreshRotation}'s lean path; whatever that path leaves undecided is decided here.
     */
    public RefreshOutcome refresh(String presented, ClientInfo client) {
        String hash = OpaqueTokens.hash(presented);
        return rotation.rotateIfPlain(hash, client).map(RefreshOutcome::ok).orElseGet(() -> decide(hash, client));
    }

    /** Every case, with the entities: rejections, revocations and the reuse event need them. */
    @Transactional
    RefreshOutcome decide(String hash, ClientInfo client) {
        // one round trip: the session and the token are locked (so a refresh that held them before
        // us has committed and we see its rotation: PostgreSQL re-reads locked rows after the wait),
        // the account comes along unlocked (it may be gone: left join)
        List<?> rows = entityManager.createNativeQuery("""
                        select {s.*}, {t.*}, {a.*}
                        from refresh_token t
                        join login_session s on s.id = t.session_id
                        left join account a on a.id = s.account_id
                        where t.token_hash = :hash
                        for update of s, t""")
                .unwrap(NativeQuery.class)
                .addEntity("s", Session.class)
                .addEntity("t", RefreshToken.class)
                .addEntity("a", Account.class)
                .setParameter("hash", hash, String.class)
                .getResultList();
        if (rows.isEmpty()) {
            return RefreshOutcome.rejected(Rejection.UNKNOWN);
        }
        Object[] row = (Object[]) rows.get(0);
        Session session = (Session) row[0];
        RefreshToken token = (RefreshToken) row[1];
        Account account = (Account) row[2];
        Instant now = Instant.now();
        RefreshRules.Decision decision = rules.decide(new RefreshRules.State(session.revokedAt, session.expiresAt,
                session.lastUsedAt, account != null, account == null ? null : account.status,
                account == null ? null : account.suspendedUntil, token.rotatedAt), now);
        if (decision == RefreshRules.Decision.ROTATE) {
            // also a concurrent refresh inside the grace window (token already rotated): a successor of its own
            return RefreshOutcome.ok(pairs.rotate(account, session, hash, client, now));
        }
        if (decision.revocationReason != null) {
            sessions.revoke(session, decision.revocationReason, now);
        }
        if (decision == RefreshRules.Decision.REUSED) {
            outbox.publish(Events.SESSION_COMPROMISED, account.id,
                    new SessionCompromised(account.id, session.id, client.ip(), now));
            Log.warnf("Refresh token reuse on session %s of user %s from %s: session revoked",
                    session.id, account.id, client.ip());
        }
        return RefreshOutcome.rejected(decision.rejection);
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
