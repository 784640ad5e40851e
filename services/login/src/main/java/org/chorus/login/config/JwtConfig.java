package org.chorus.login.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Access tokens and their signing keys. */
@ConfigMapping(prefix = "chorus.jwt")
public interface JwtConfig {

    /** The {@code iss} claim; every verifier expects it (env CHORUS_JWT_ISSUER). */
    @WithDefault("http://localhost:8080")
    String issuer();

    /** Lifetime of an access token; deny-list entries outlive it by the clock skew and a margin. */
    @WithDefault("10m")
    Duration accessTokenLifetime();

    /**
     * PEM (PKCS#8) RSA private key that signs tokens (env CHORUS_JWT_PRIVATE_KEY). When absent the
     * service generates a key once and keeps it in its schema, so restarts keep tokens valid.
     */
    Optional<String> privateKey();

    /**
     * PEM public key(s) of the key(s) used before {@link #privateKey()}; still listed in the JWKS
     * and accepted, so rotating a configured key logs nobody out (env CHORUS_JWT_PREVIOUS_PUBLIC_KEYS).
     */
    Optional<String> previousPublicKeys();

    /** How often a replica re-reads the persisted keys, to see a rotation made by another replica. */
    @WithDefault("60s")
    Duration keyReloadInterval();

    /**
     * Sign with Conscrypt (BoringSSL, a native library bundled for Linux and Windows on x86-64) when it
     * loads on this platform: about 1.8 times the JDK's RSA signing rate. {@code false}: always the JDK's
     * RSA (env CHORUS_JWT_NATIVE_SIGNING). Elsewhere the JDK signs anyway; the startup log says which.
     */
    @WithDefault("true")
    boolean nativeSigning();

    /**
     * Leeway for clock differences when checking {@code exp} and {@code iat}: the skew every Chorus verifier
     * uses ({@code mp.jwt.verify.clock.skew}, seconds, from platform/security); not to be set on its own.
     */
    @WithDefault("${mp.jwt.verify.clock.skew}s")
    Duration clockSkew();
}
