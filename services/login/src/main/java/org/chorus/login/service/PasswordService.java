package org.chorus.login.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.events.Events;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.PasswordResetRequested;
import org.chorus.login.Account;
import org.chorus.login.OneTimeToken;
import org.chorus.login.config.LinksConfig;
import org.chorus.outbox.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Changing a password (knowing the current one) and resetting it (by a link to the address).
 * Either way the other sessions end — a password change is what a user does when they fear
 * someone else is in — and {@code password-changed} lets the owner know.
 */
@ApplicationScoped
public class PasswordService {

    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final OneTimeLinks links;
    private final LinksConfig config;
    private final SessionService sessions;
    private final TwoFactorService twoFactor;
    private final Outbox outbox;

    PasswordService(PasswordHasher hasher, PasswordPolicy policy, OneTimeLinks links, LinksConfig config,
                    SessionService sessions, TwoFactorService twoFactor, Outbox outbox) {
        this.hasher = hasher;
        this.policy = policy;
        this.links = links;
        this.config = config;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.outbox = outbox;
    }

    /**
     * Sends a reset link if an active account has this address; says nothing either way (the
     * caller answers 202 regardless), so the endpoint tells nobody which addresses have accounts.
     */
    public void requestReset(String normalisedEmail) {
        QuarkusTransaction.requiringNew().run(() -> Account.findByEmail(normalisedEmail)
                .filter(Account::active)
                .ifPresent(account -> {
                    OneTimeLinks.Issued issued = links.issue(account.id, OneTimeToken.Purpose.PASSWORD_RESET,
                            config.resetPasswordLifetime(), null);
                    outbox.publish(Events.PASSWORD_RESET_REQUESTED, account.id, new PasswordResetRequested(
                            account.id, account.email, account.username,
                            OneTimeLinks.link(config.resetPassword(), issued.value()), issued.expiresAt()));
                }));
    }

    /** Sets the new password from a reset link; every session of the account ends. */
    public void completeReset(String token, String newPassword) {
        // check the token and the policy before the slow hash; redeem it only with the new hash at hand
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            OneTimeToken found = OneTimeToken.findById(OpaqueTokens.hash(token));
            if (found == null || found.purpose != OneTimeToken.Purpose.PASSWORD_RESET || found.usedAt != null
                    || !Instant.now().isBefore(found.expiresAt)) {
                throw OneTimeLinks.invalid();
            }
            return Account.<Account>findById(found.accountId);
        });
        checkPolicy(newPassword, account);
        String hash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            OneTimeToken redeemed = links.redeem(token, OneTimeToken.Purpose.PASSWORD_RESET);
            links.revokeAll(redeemed.accountId, OneTimeToken.Purpose.PASSWORD_RESET);
            replace(redeemed.accountId, hash, null);
        });
    }

    /** Changes the password of a logged-in user who knows the current one; the other sessions end. */
    public void change(UUID accountId, UUID currentSession, IdentityProof proof, String newPassword,
                       ClientInfo client) {
        Account account = twoFactor.confirmIdentity(accountId, proof, client);
        checkPolicy(newPassword, account);
        String hash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> replace(accountId, hash, currentSession));
    }

    private void checkPolicy(String password, Account account) {
        String violation = policy.violation(password, account.username, account.email);
        if (violation != null) {
            throw new InvalidFieldException("newPassword", violation);
        }
    }

    private void replace(UUID accountId, String hash, UUID keepSession) {
        Account account = Account.findById(accountId);
        Instant now = Instant.now();
        account.passwordHash = hash;
        account.updatedAt = now;
        sessions.revokeAllOf(accountId, keepSession, "password-changed");
        outbox.publish(Events.PASSWORD_CHANGED, accountId,
                new PasswordChanged(accountId, account.email, account.username, now));
    }
}
