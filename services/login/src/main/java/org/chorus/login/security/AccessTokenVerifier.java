package org.chorus.login.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.chorus.login.config.JwtConfig;
import org.chorus.login.service.SessionService;
import org.chorus.login.service.SigningKeys;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens against login's own keys, in memory. Other services fetch login's JWKS
 * over HTTP; login itself must not depend on calling itself (it would have to be up before it can
 * check a token, and a rotated key would be seen late). Replaces smallrye-jwt's default factory,
 * so the {@code mp.jwt.verify.*} settings are not used here: issuer and keys come from
 * {@code chorus.jwt.*} and {@link SigningKeys}.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class AccessTokenVerifier extends JWTCallerPrincipalFactory {

    /** An unknown kid makes us re-read the keys, at most this often. */
    private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);

    private final SigningKeys keys;
    private final SessionService sessions;
    private final JwtConfig config;

    AccessTokenVerifier(SigningKeys keys, SessionService sessions, JwtConfig config) {
        this.keys = keys;
        this.sessions = sessions;
        this.config = config;
    }

    /**
     * A valid signature is not enough here: login owns the sessions, so it also refuses tokens of
     * a session that was revoked or of an account that is no longer active, without waiting for
     * the token to expire (the gateway does the same through the Redis deny-list).
     */
    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo ignored) throws ParseException {
        JWTCallerPrincipal principal = verifySignatureAndClaims(token);
        UUID sessionId = UUID.fromString(principal.getClaim("sid"));
        Instant issuedAt = Instant.ofEpochSecond(principal.getIssuedAtTime());
        if (!sessions.isLive(sessionId, UUID.fromString(principal.getSubject()), issuedAt)) {
            throw new ParseException("the session of this access token has ended");
        }
        return principal;
    }

    private JWTCallerPrincipal verifySignatureAndClaims(String token) throws ParseException {
        try {
            return verify(token);
        } catch (InvalidJwtException first) {
            if (signedByUnknownKey(token) && keys.reloadIfOlderThan(UNKNOWN_KID_RELOAD)) {
                try {
                    return verify(token);
                } catch (InvalidJwtException second) {
                    throw rejected(second);
                }
            }
            throw rejected(first);
        }
    }

    private JWTCallerPrincipal verify(String token) throws InvalidJwtException {
        JwtClaims claims = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(config.issuer())
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(
                        new JwksVerificationKeyResolver(new ArrayList<JsonWebKey>(keys.verification())))
                .build()
                .processToClaims(token);
        if (!isUuid(claims.getClaimValue("sid")) || !isUuid(claims.getClaimValue("sub"))) {
            throw new InvalidJwtException("an access token carries a sid and a sub that are UUIDs", List.of(), null);
        }
        claims.setClaim(Claims.raw_token.name(), token);
        return new DefaultJWTCallerPrincipal(token, "JWT", claims);
    }

    private static boolean isUuid(Object value) {
        try {
            UUID.fromString((String) value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean signedByUnknownKey(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            String kid = jws.getKeyIdHeaderValue();
            return kid != null
                    && keys.verification().stream()
                            .map(PublicJsonWebKey::getKeyId)
                            .noneMatch(kid::equals);
        } catch (JoseException e) {
            return false;
        }
    }

    private static ParseException rejected(InvalidJwtException e) {
        Log.debugf("Access token rejected: %s", e.getMessage());
        return new ParseException("access token rejected", e);
    }
}
