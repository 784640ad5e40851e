package org.chorus.login.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.Account;
import org.chorus.login.config.JwtConfig;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs access tokens with the claims every Chorus service reads (docs/architecture.md). */
@ApplicationScoped
public class AccessTokens {

    private final JwtConfig config;
    private final SigningKeys keys;

    AccessTokens(JwtConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public String issue(Account account, UUID sessionId) {
        return issue(Subject.of(account), sessionId);
    }

    public String issue(Subject subject, UUID sessionId) {
        Instant now = issuedAt(subject.tokensInvalidBefore());
        SigningKeys.Signing key = keys.signing();
        // jose4j directly (what smallrye-jwt-build wraps): that builder re-read its configuration
        // properties on every token, a cost paid on each login and each refresh rotation
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(subject.id().toString());
        claims.setClaim("upn", subject.username());
        claims.setStringListClaim("groups", List.copyOf(subject.roles()));
        claims.setClaim("sid", sessionId.toString());
        claims.setClaim("email_verified", subject.emailVerified());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(
                NumericDate.fromSeconds(now.plus(config.accessTokenLifetime()).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.privateKey());
        ProviderContext providers = new ProviderContext();
        providers.getSuppliedKeyProviderContext().setSignatureProvider(key.provider());
        jws.setProviderContext(providers);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("An access token could not be signed", e);
        }
    }

    /**
     * Now, in whole seconds as {@code iat} has them — but after the account's token cutoff: a token
     * issued in the very second its older siblings were voided must not be voided with them.
     */
    private static Instant issuedAt(Instant tokensInvalidBefore) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (tokensInvalidBefore != null && !now.isAfter(tokensInvalidBefore)) {
            return tokensInvalidBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        }
        return now;
    }

    public long lifetimeSeconds() {
        return config.accessTokenLifetime().toSeconds();
    }

    /** What an access token says about its account. */
    public record Subject(
            UUID id, String username, Collection<String> roles, boolean emailVerified, Instant tokensInvalidBefore) {
        static Subject of(Account account) {
            return new Subject(
                    account.id,
                    account.username,
                    account.roleSet(),
                    account.emailVerified,
                    account.tokensInvalidBefore);
        }
    }
}
