package org.chorus.login.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.login.EmailVerificationRequested;
import org.chorus.events.login.UserUpdated;
import org.chorus.login.Account;
import org.chorus.login.OneTimeToken;
import org.chorus.login.config.LinksConfig;
import org.chorus.outbox.Outbox;
import org.chorus.web.ProblemException;

/**
 * Proving the e-mail address: a single-use link goes out through {@code email-verification-requested}
 * (notifications mails it); redeeming it sets {@code email_verified}, which new access tokens carry.
 */
@ApplicationScoped
public class EmailVerificationService {

    private final OneTimeLinks links;
    private final LinksConfig config;
    private final Outbox outbox;
    private final RateLimits limits;

    EmailVerificationService(OneTimeLinks links, LinksConfig config, Outbox outbox, RateLimits limits) {
        this.links = links;
        this.config = config;
        this.outbox = outbox;
        this.limits = limits;
    }

    /** Sends a link for the account's current address (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Account account) {
        OneTimeLinks.Issued issued =
                links.issue(account.id, OneTimeToken.Purpose.EMAIL_VERIFICATION, config.verifyEmailLifetime(), null);
        outbox.publish(
                Events.EMAIL_VERIFICATION_REQUESTED,
                account.id,
                new EmailVerificationRequested(
                        account.id,
                        account.email,
                        account.username,
                        OneTimeLinks.link(config.verifyEmail(), issued.value()),
                        issued.expiresAt()));
    }

    /** A new link, rate-limited per account; 409 when the address is already verified. */
    @Transactional
    public void resend(UUID accountId) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw ProblemException.notFound("Account");
        }
        if (account.emailVerified) {
            throw ProblemException.conflict("already-verified", "The e-mail address is already verified");
        }
        limits.verificationResend(accountId);
        request(account);
    }

    /** Redeems a link: the address is verified, {@code user-updated} tells the other services. */
    @Transactional
    public Account verify(String token) {
        OneTimeToken redeemed = links.redeem(token, OneTimeToken.Purpose.EMAIL_VERIFICATION);
        Account account = Account.findById(redeemed.accountId);
        if (!account.emailVerified) {
            Instant now = Instant.now();
            account.emailVerified = true;
            account.updatedAt = now;
            outbox.publish(
                    Events.USER_UPDATED,
                    account.id,
                    new UserUpdated(account.id, account.username, account.email, null, true, now));
        }
        return account;
    }
}
