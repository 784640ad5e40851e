package org.chorus.login.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Two-factor authentication (TOTP, RFC 6238). */
@ConfigMapping(prefix = "chorus.mfa")
public interface MfaConfig {

    /** The issuer shown by authenticator apps (otpauth URI label and issuer parameter). */
    @WithDefault("Chorus")
    String issuer();

    /** How long the challenge answered by a login with the right password stays usable (at most 5 minutes). */
    @WithDefault("5m")
    Duration challengeLifetime();

    /** Wrong codes after which a challenge is dead (the user logs in again). */
    @WithDefault("5")
    int challengeMaxFailures();

    /**
     * AES-256 key (32 bytes, Base64) that encrypts stored TOTP secrets (env CHORUS_MFA_SECRET_KEY);
     * absent: secrets are stored unencrypted. Generate: {@code openssl rand -base64 32}.
     */
    Optional<String> secretKey();

    /** Steps of 30 s accepted either side of the current one (clock drift). */
    @WithDefault("1")
    int totpWindow();
}
