package org.chorus.login.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Brute-force and flood protection. Rate limits are written {@code <max>/<window>}, e.g. {@code 10/1h}.
 */
@ConfigMapping(prefix = "chorus.abuse")
public interface AbuseConfig {

    /** Consecutive failed logins of an account before it is locked. */
    @WithDefault("5")
    int lockoutThreshold();

    /** First lockout; each further failure doubles it. */
    @WithDefault("30s")
    Duration lockoutBase();

    /** The longest a single lockout lasts. */
    @WithDefault("15m")
    Duration lockoutMax();

    /** Hard cap of failed logins per account per hour, whatever the lockout timing. */
    @WithDefault("100")
    int maxFailuresPerHour();

    /** Failed logins from one address before it gets 429 for the rest of the window. */
    @WithDefault("30/15m")
    String loginFailuresPerIp();

    @WithDefault("10/1h")
    String signupPerIp();

    /** Password reset requests, per address and per target e-mail. */
    @WithDefault("10/1h")
    String passwordResetPerIp();

    @WithDefault("3/1h")
    String passwordResetPerEmail();

    /** Verification e-mail resends per account. */
    @WithDefault("3/1h")
    String verificationResendPerUser();

    /** Login-link requests, per address and per target e-mail. */
    @WithDefault("10/1h")
    String loginLinkPerIp();

    @WithDefault("3/10m")
    String loginLinkPerEmail();
}
