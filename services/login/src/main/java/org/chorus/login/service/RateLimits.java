package org.chorus.login.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.config.AbuseConfig;

/** The named limits of the flows that send mail or create things; each throws 429 when exceeded. */
@ApplicationScoped
public class RateLimits {

    private final RateLimiter limiter;
    private final RateLimiter.Limit signupPerIp;
    private final RateLimiter.Limit resetPerIp;
    private final RateLimiter.Limit resetPerEmail;
    private final RateLimiter.Limit resendPerUser;
    private final RateLimiter.Limit linkPerIp;
    private final RateLimiter.Limit linkPerEmail;

    RateLimits(RateLimiter limiter, AbuseConfig config) {
        this.limiter = limiter;
        this.signupPerIp = RateLimiter.Limit.parse(config.signupPerIp());
        this.resetPerIp = RateLimiter.Limit.parse(config.passwordResetPerIp());
        this.resetPerEmail = RateLimiter.Limit.parse(config.passwordResetPerEmail());
        this.resendPerUser = RateLimiter.Limit.parse(config.verificationResendPerUser());
        this.linkPerIp = RateLimiter.Limit.parse(config.loginLinkPerIp());
        this.linkPerEmail = RateLimiter.Limit.parse(config.loginLinkPerEmail());
    }

    public void signup(ClientInfo client) {
        limiter.acquire("signup-ip", client.ip(), signupPerIp);
    }

    public void passwordReset(ClientInfo client, String normalisedEmail) {
        limiter.acquire("reset-ip", client.ip(), resetPerIp);
        limiter.acquire("reset-email", normalisedEmail, resetPerEmail);
    }

    public void verificationResend(UUID userId) {
        limiter.acquire("verify-resend", userId.toString(), resendPerUser);
    }

    public void loginLink(ClientInfo client, String normalisedEmail) {
        limiter.acquire("link-ip", client.ip(), linkPerIp);
        limiter.acquire("link-email", normalisedEmail, linkPerEmail);
    }
}
