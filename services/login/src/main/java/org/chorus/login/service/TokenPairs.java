package org.chorus.login.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.login.Account;
import org.chorus.login.RefreshToken;
import org.chorus.login.Session;

/**
 * Mints a session's next pair: a fresh refresh token (stored as its hash) and a signed access token. Every login
 * and every refresh comes through here, so this is where the user counts as active for the day.
 */
@ApplicationScoped
class TokenPairs {

    private final AccessTokens accessTokens;
    private final EntityManager entityManager;
    private final DailyActivity activity;

    TokenPairs(AccessTokens accessTokens, EntityManager entityManager, DailyActivity activity) {
        this.accessTokens = accessTokens;
        this.entityManager = entityManager;
        this.activity = activity;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    TokenPair issue(Account account, Session session, Instant now) {
        String refresh = OpaqueTokens.newValue();
        RefreshToken token = new RefreshToken();
        token.tokenHash = OpaqueTokens.hash(refresh);
        token.sessionId = session.id;
        token.issuedAt = now;
        token.persist();
        activity.active(account.id, now);
        return new TokenPair(
                accessTokens.issue(account, session.id), refresh, accessTokens.lifetimeSeconds(), session.id);
    }

    /** A refresh rotation inside the caller's transaction, which holds the session's row lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    TokenPair rotate(Account account, Session session, String presentedHash, ClientInfo client, Instant now) {
        String refresh = OpaqueTokens.newValue();
        String userAgent = client.userAgent() != null ? client.userAgent() : session.userAgent;
        entityManager
                .unwrap(org.hibernate.Session.class)
                .doWork(connection -> RefreshRotation.write(
                        connection,
                        presentedHash,
                        OpaqueTokens.hash(refresh),
                        session.id,
                        userAgent,
                        client.ip(),
                        now));
        activity.active(account.id, now);
        return new TokenPair(
                accessTokens.issue(account, session.id), refresh, accessTokens.lifetimeSeconds(), session.id);
    }
}
