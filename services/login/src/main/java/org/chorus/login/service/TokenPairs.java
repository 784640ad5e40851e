package org.chorus.login.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.login.Account;
import org.chorus.login.RefreshToken;
import org.chorus.login.Session;
import org.hibernate.query.NativeQuery;

/** Mints a session's next pair: a fresh refresh token (stored as its hash) and a signed access token. */
@ApplicationScoped
class TokenPairs {

    private final AccessTokens accessTokens;
    private final EntityManager entityManager;

    TokenPairs(AccessTokens accessTokens, EntityManager entityManager) {
        this.accessTokens = accessTokens;
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    TokenPair issue(Account account, Session session, Instant now) {
        String refresh = OpaqueTokens.newValue();
        RefreshToken token = new RefreshToken();
        token.tokenHash = OpaqueTokens.hash(refresh);
        token.sessionId = session.id;
        token.issuedAt = now;
        token.persist();
        return new TokenPair(accessTokens.issue(account, session.id), refresh, accessTokens.lifetimeSeconds(),
                session.id);
    }

    /**
     * A refresh rotation's writes in one statement, one round trip instead of three: the presented
     * token is marked rotated (unless a refresh inside the grace window already did), the session
     * records its use, and the successor is inserted. The caller holds the session's row lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    TokenPair rotate(Account account, Session session, String presentedHash, ClientInfo client, Instant now) {
        String refresh = OpaqueTokens.newValue();
        String userAgent = client.userAgent() != null ? client.userAgent() : session.userAgent;
        entityManager.createNativeQuery("""
                        with retired as (
                            update refresh_token set rotated_at = :now
                            where token_hash = :presented and rotated_at is null),
                        used as (
                            update login_session set last_used_at = :now, ip = :ip, user_agent = :agent
                            where id = :session)
                        insert into refresh_token (token_hash, session_id, issued_at) values (:successor, :session, :now)""")
                .unwrap(NativeQuery.class)
                .setParameter("now", now, Instant.class)
                .setParameter("presented", presentedHash, String.class)
                .setParameter("ip", client.ip(), String.class)
                .setParameter("agent", userAgent, String.class)
                .setParameter("session", session.id, UUID.class)
                .setParameter("successor", OpaqueTokens.hash(refresh), String.class)
                .executeUpdate();
        return new TokenPair(accessTokens.issue(account, session.id), refresh, accessTokens.lifetimeSeconds(),
                session.id);
    }
}
