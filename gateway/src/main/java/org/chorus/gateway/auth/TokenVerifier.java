package org.chorus.gateway.auth;

import java.security.PublicKey;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonString;

import org.chorus.gateway.AccessToken;
import org.chorus.gateway.config.GatewayConfig;
import org.chorus.gateway.config.SharedSettings;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;

/**
 * Verifies access tokens with smallrye-jwt (signature with RS256 only, exp, iat, iss from the mp.jwt.verify.*
 * configuration) against login's current keys. Keys come from {@link VerificationKeys} rather than from
 * smallrye-jwt's own key location resolver, whose JWKS fetch blocks and so cannot run on an event loop.
 */
@Singleton
public class TokenVerifier {

    // far above a real access token; bounds the work a forged header can cause before the signature check
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final JWTParser parser;
    private final VerificationKeys keys;
    private final String issuer;
    private final VerifiedTokens verified;

    @Inject
    public TokenVerifier(JWTParser parser, VerificationKeys keys, SharedSettings settings, GatewayConfig config) {
        this(parser, keys, settings.issuer(), config.jwt().verifiedCacheSize());
    }

    public TokenVerifier(JWTParser parser, VerificationKeys keys, String issuer, int cacheSize) {
        this.parser = parser;
        this.keys = keys;
        this.verified = new VerifiedTokens(cacheSize);
        // required here on purpose: smallrye-jwt silently skips the issuer check when it is not configured
        this.issuer = issuer;
    }

    /** Fails with {@link InvalidTokenException} or {@link KeysUnavailableException}. */
    public Future<AccessToken> verify(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Future.failedFuture(new InvalidTokenException("Token too long"));
        }
        String cacheKey = VerifiedTokens.key(token);
        AccessToken cached = verified.get(cacheKey, System.currentTimeMillis());
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        String kid;
        try {
            kid = keyId(token);
        } catch (InvalidTokenException e) {
            return Future.failedFuture(e);
        }
        return keys.key(kid).compose(key -> verify(token, key, cacheKey));
    }

    private Future<AccessToken> verify(String token, PublicKey key, String cacheKey) {
        try {
            JsonWebToken jwt = parser.verify(token, key);
            if (!issuer.equals(jwt.getIssuer())) {
                return Future.failedFuture(new InvalidTokenException("Token from another issuer"));
            }
            if (jwt.getSubject() == null) {
                return Future.failedFuture(new InvalidTokenException("Token without subject"));
            }
            AccessToken verifiedToken = new AccessToken(jwt.getSubject(), text(jwt.getClaim("sid")),
                    jwt.getIssuedAtTime());
            // until exp exactly, not exp + the verifier's clock skew: past exp smallrye-jwt decides again
            verified.put(cacheKey, verifiedToken, jwt.getExpirationTime() * 1000, System.currentTimeMillis());
            return Future.succeededFuture(verifiedToken);
        } catch (ParseException | RuntimeException e) {
            return Future.failedFuture(new InvalidTokenException("Token rejected", e));
        }
    }

    // smallrye-jwt hands non-standard claims out as JSON-P values
    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : claim.toString();
    }

    /** The kid from the token's header, which is read before the signature is known to be good. */
    private static String keyId(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("Token too long");
        }
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(token);
            if (!(structure instanceof JsonWebSignature)) {
                throw new InvalidTokenException("Not a signed token");
            }
            return structure.getKeyIdHeaderValue();
        } catch (JoseException e) {
            throw new InvalidTokenException("Malformed token", e);
        }
    }
}
