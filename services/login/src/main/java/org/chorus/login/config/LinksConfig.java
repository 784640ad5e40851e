package org.chorus.login.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Links sent by e-mail. {@code {token}} is replaced by the single-use value. By default they
 * point at the pages of the web client the gateway serves at {@code chorus.public-url}; each page
 * posts the token to the API (docs/web-client.md). A deployment with its own client points them
 * at its own pages.
 */
@ConfigMapping(prefix = "chorus.links")
public interface LinksConfig {

    /** A page that posts the token to /api/auth/verify-email on opening (GET of that API path works too). */
    @WithDefault("${chorus.public-url:http://localhost:8080}/verify-email?token={token}")
    String verifyEmail();

    /** A page with a new-password form that posts to /api/auth/password-reset/complete. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/reset-password?token={token}")
    String resetPassword();

    /** A page that posts the token to /api/auth/login-link/complete. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/login-link?token={token}")
    String loginLink();

    /** A page that, on a click, posts the token to /api/auth/email-change/confirm. */
    @WithDefault("${chorus.public-url:http://localhost:8080}/confirm-email?token={token}")
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
