package org.chorus.login.config;

import java.time.Duration;

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

    /** Steps of 30 s accepted either side of the current one (clock drift). */
    @WithDefault("1")
    int totpWindow();
}
