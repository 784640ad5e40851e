package org.chorus.login.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.login.Account;
import org.chorus.login.RefreshToken;
import org.chorus.login.Session;

/** Mints a session's next pair: a fresh refresh token (stored as its hash) and a signed access token. */
@ApplicationScoped
class TokenPairs {

    private final AccessTokens accessTokens;

    TokenPairs(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
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
}
