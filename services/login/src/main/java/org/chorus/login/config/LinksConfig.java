package org.chorus.login.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Links sent by e-mail. {@code {token}} is replaced by the single-use value. By default they
 * point at the gateway's public URL ({@code chorus.public-url}); a web client can point them at
 * its own pages, which then call the API with the token.
 */
@ConfigMapping(prefix = "chorus.links")
public interface LinksConfig {

    /** Opening it verifies the address (GET is enough: verifying is what the owner wants anyway). */
    @WithDefault("${chorus.public-url:http://localhost:8080}/api/auth/verify-email?token={token}")
    String verifyEmail();

    /** A page with a new-password form that posts to /api/auth/password-reset/complete. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/reset-password?token={token}")
    String resetPassword();

    /** A page that posts the token to /api/auth/login-link/complete. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/login-link?token={token}")
    String loginLink();

    /** Opening it confirms the new address. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/api/auth/email-change/confirm?token={token}")
    String confirmEmailChange();

    @WithDefault("24h")
    Duration verifyEmailLifetime();

    @WithDefault("30m")
    Duration resetPasswordLifetime();

    @WithDefault("10m")
    Duration loginLinkLifetime();

    @WithDefault("24h")
    Duration confirmEmailChangeLifetime();
}
