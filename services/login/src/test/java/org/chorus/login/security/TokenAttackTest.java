package org.chorus.login.security;

import java.time.Instant;

import jakarta.inject.Inject;

import org.chorus.login.config.JwtConfig;
import org.chorus.login.service.DenyList;
import org.chorus.login.service.SessionService;
import org.chorus.login.service.SigningKeys;
import org.chorus.login.support.Accounts;
import org.chorus.login.support.Db;
import org.chorus.login.support.Jwts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TokenAttackContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * login accepts its own tokens and nothing else. Every token belongs to a live session of a real account and is
 * signed with login's current key, so each 401 comes from the one thing a test changes; revocations go the way
 * login makes them (the session ends in the database and on the deny-list).
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class TokenAttackTest extends TokenAttackContract {

    @Inject
    SigningKeys keys;

    @Inject
    JwtConfig config;

    @Inject
    SessionService sessions;

    @Inject
    DenyList denyList;

    @Inject
    Db db;

    @Override
    protected String protectedPath() {
        return "/api/auth/me";
    }

    @Override
    protected Subject subject() {
        Accounts.SignedUp account = Accounts.signUp();
        String token = account.login().getString("accessToken");
        return new Subject(account.id(), account.username(), (String) Jwts.claims(token).get("sid"));
    }

    @Override
    protected Signer signer() {
        SigningKeys.Signing signing = keys.signing();
        return new Signer(signing.privateKey(), keys.verification().get(0).getPublicKey(), signing.kid(), config.issuer());
    }

    @Override
    protected void revokeSession(Subject subject) {
        sessions.revoke(java.util.UUID.fromString(subject.sid()), "revoked-by-user");
    }

    @Override
    protected void revokeUser(Subject subject, Instant at) {
        db.sql("update account set tokens_invalid_before = ?1 where id = ?2", at, subject.userId());
        denyList.denyUser(subject.userId(), at);
    }
}
