package org.chorus.login.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.login.SessionCompromised;
import org.chorus.login.Account;
import org.chorus.login.AccountStatus;
import org.chorus.login.RefreshToken;
import org.chorus.login.Session;
import org.chorus.login.config.SessionConfig;
import org.chorus.outbox.Outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sessions as refresh-token families (RFC 9700 rotation): every refresh retires the presented
 * token and hands out a successor. A retired token presented again after the grace window means
 * the family leaked — the whole session is revoked and {@code session-compromised} emitted.
 */
@ApplicationScoped
public class SessionService {

    private final SessionConfig config;
    private final AccessTokens accessTokens;
    private final DenyList denyList;
    private final Outbox outbox;
    private final EntityManager entityManager;

    SessionService(SessionConfig config, AccessTokens accessTokens, DenyList denyList, Outbox outbox,
                   EntityManager entityManager) {
        this.config = config;
        this.accessTokens = accessTokens;
        this.denyList = denyList;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /** Opens a new session for an authenticated account. */
    @Transactional
    public TokenPair open(Account account, ClientInfo client) {
        Instant now = Instant.now();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.accountId = account.id;
        session.userAgent = client.userAgent();
        session.ip = client.ip();
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.absoluteLifetime());
        session.persist();
        return pair(account, session, now);
    }

    /**
     * Exchanges a refresh token for a new pair. The session row is locked first, so concurrent
     * refreshes of one family queue up and each sees what the one before it did.
     */
    @Transactional
    public RefreshOutcome refresh(String presented, ClientInfo client) {
        RefreshToken token = RefreshToken.findById(OpaqueTokens.hash(presented));
        if (token == null) {
            return RefreshOutcome.rejected(Rejection.UNKNOWN);
        }
        Session session = Session.findById(token.sessionId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(token); // what a refresh that held the lock before us did to it
        Instant now = Instant.now();
        if (session.revoked()) {
            return RefreshOutcome.rejected(Rejection.REVOKED);
        }
        if (now.isAfter(session.expiresAt) || now.isAfter(session.lastUsedAt.plus(config.idleTimeout()))) {
            revoke(session, "expired", now);
            return RefreshOutcome.rejected(Rejection.EXPIRED);
        }
        Account account = Account.findById(session.accountId);
        if (account == null || !account.active()) {
            revoke(session, "account-inactive", now);
            return RefreshOutcome.rejected(Rejection.REVOKED);
        }
        if (token.rotatedAt != null && now.isAfter(token.rotatedAt.plus(config.refreshGrace()))) {
            revoke(session, "refresh-token-reuse", now);
            outbox.publish(Events.SESSION_COMPROMISED, account.id,
                    new SessionCompromised(account.id, session.id, client.ip(), now));
            Log.warnf("Refresh token reuse on session %s of user %s from %s: session revoked",
                    session.id, account.id, client.ip());
            return RefreshOutcome.rejected(Rejection.REUSED);
        }
        if (token.rotatedAt == null) {
            token.rotatedAt = now;
        }
        // else: a concurrent refresh inside the grace window; it gets a successor of its own
        session.lastUsedAt = now;
        session.ip = client.ip();
        if (client.userAgent() != null) {
            session.userAgent = client.userAgent();
        }
        return RefreshOutcome.ok(pair(account, session, now));
    }

    /** Ends a session (logout, revocation); its access tokens go on the deny-list. */
    @Transactional
    public boolean revoke(UUID sessionId, String reason) {
        Session session = Session.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || session.revoked()) {
            return false;
        }
        revoke(session, reason, Instant.now());
        return true;
    }

    /**
     * Whether the session of a presented access token is still live: not revoked, not past its
     * absolute end, owned by the token's subject, whose account is active.
     */
    public boolean isLive(UUID sessionId, UUID userId) {
        return QuarkusTransaction.joiningExisting().call(() -> entityManager.createQuery("""
                        select count(s) from Session s, Account a
                        where s.id = :sid and a.id = s.accountId and a.id = :userId
                          and s.revokedAt is null and s.expiresAt > :now and a.status = :active""", Long.class)
                .setParameter("sid", sessionId)
                .setParameter("userId", userId)
                .setParameter("now", Instant.now())
                .setParameter("active", AccountStatus.ACTIVE)
                .getSingleResult() > 0);
    }

    void revoke(Session session, String reason, Instant now) {
        session.revokedAt = now;
        session.revokedReason = reason;
        denyList.denySessionAfterCommit(session.id, now);
    }

    private TokenPair pair(Account account, Session session, Instant now) {
        String refresh = OpaqueTokens.newValue();
        RefreshToken token = new RefreshToken();
        token.tokenHash = OpaqueTokens.hash(refresh);
        token.sessionId = session.id;
        token.issuedAt = now;
        token.persist();
        return new TokenPair(accessTokens.issue(account, session.id), refresh, accessTokens.lifetimeSeconds(),
                session.id);
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
