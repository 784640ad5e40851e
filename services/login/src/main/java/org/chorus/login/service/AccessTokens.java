package org.chorus.login.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.Account;
import org.chorus.login.config.JwtConfig;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Signs access tokens with the claims every Chorus service reads (ARCHITECTURE.md). */
@ApplicationScoped
public class AccessTokens {

    private final JwtConfig config;
    private final SigningKeys keys;

    AccessTokens(JwtConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public String issue(Account account, UUID sessionId) {
        Instant now = issuedAt(account);
        SigningKeys.Signing key = keys.signing();
        return Jwt.issuer(config.issuer())
                .subject(account.id.toString())
                .upn(account.username)
                .groups(account.roleSet())
                .claim("sid", sessionId.toString())
                .claim("email_verified", account.emailVerified)
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenLifetime()))
                .jws()
                .keyId(key.kid())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key.privateKey());
    }

    /**
     * Now, in whole seconds as {@code iat} has them — but after the account's token cutoff: a token
     * issued in the very second its older siblings were voided must not be voided with them.
     */
    private static Instant issuedAt(Account account) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (account.tokensInvalidBefore != null && !now.isAfter(account.tokensInvalidBefore)) {
            return account.tokensInvalidBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        }
        return now;
    }

    public long lifetimeSeconds() {
        return config.accessTokenLifetime().toSeconds();
    }
}
