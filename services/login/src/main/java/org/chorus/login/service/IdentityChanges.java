package org.chorus.login.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.chorus.events.Events;
import org.chorus.events.login.EmailChangeRequested;
import org.chorus.events.login.UserUpdated;
import org.chorus.login.Account;
import org.chorus.login.OneTimeToken;
import org.chorus.login.config.LinksConfig;
import org.chorus.outbox.Outbox;
import org.chorus.web.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Changing the username (unique, not reserved) and the e-mail address (confirmed from the new
 * address; the old one is told through {@code user-updated}'s previousEmail; other sessions end).
 */
@ApplicationScoped
public class IdentityChanges {

    private final UsernamePolicy usernames;
    private final OneTimeLinks links;
    private final LinksConfig config;
    private final TwoFactorService identity;
    private final SessionService sessions;
    private final Outbox outbox;

    IdentityChanges(
            UsernamePolicy usernames,
            OneTimeLinks links,
            LinksConfig config,
            TwoFactorService identity,
            SessionService sessions,
            Outbox outbox) {
        this.usernames = usernames;
        this.links = links;
        this.config = config;
        this.identity = identity;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    public Account changeUsername(UUID accountId, String requested) {
        String username = AccountService.normaliseUsername(requested);
        if (usernames.isReserved(username)) {
            throw new InvalidFieldException("username", UsernamePolicy.RESERVED);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Account account = Account.findById(accountId);
                if (account == null) {
                    throw ProblemException.notFound("Account");
                }
                if (account.username.equals(username)) {
                    return account;
                }
                if (Account.findByUsername(username).isPresent()) {
                    throw AccountService.usernameTaken();
                }
                Instant now = Instant.now();
                account.username = username;
                account.updatedAt = now;
                account.flush();
                outbox.publish(
                        Events.USER_UPDATED,
                        account.id,
                        new UserUpdated(account.id, account.username, account.email, null, account.emailVerified, now));
                return account;
            });
        } catch (PersistenceException e) {
            throw AccountService.usernameTaken(); // lost a race for the name
        }
    }

    /** Sends a confirmation link to the new address, after the password is checked again. */
    public void requestEmailChange(
            UUID accountId, UUID sessionId, String requestedEmail, IdentityProof proof, ClientInfo client) {
        String email = AccountService.normaliseEmail(requestedEmail);
        Account account = identity.confirmIdentity(accountId, proof, client);
        QuarkusTransaction.requiringNew().run(() -> {
            if (Account.findByEmail(email).isPresent()) {
                throw AccountService.emailTaken();
            }
            OneTimeLinks.Issued issued = links.issue(
                    accountId, OneTimeToken.Purpose.EMAIL_CHANGE, config.confirmEmailChangeLifetime(), email);
            OneTimeToken.update("sessionId = ?1 where tokenHash = ?2", sessionId, OpaqueTokens.hash(issued.value()));
            outbox.publish(
                    Events.EMAIL_CHANGE_REQUESTED,
                    accountId,
                    new EmailChangeRequested(
                            accountId,
                            email,
                            account.username,
                            OneTimeLinks.link(config.confirmEmailChange(), issued.value()),
                            issued.expiresAt()));
        });
    }

    /** The new address proved itself: it replaces the old one, verified; other sessions end. */
    public void confirmEmailChange(String token) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                OneTimeToken redeemed = links.redeem(token, OneTimeToken.Purpose.EMAIL_CHANGE);
                Account account = Account.findById(redeemed.accountId);
                if (Account.findByEmail(redeemed.newEmail).isPresent()) {
                    throw AccountService.emailTaken();
                }
                Instant now = Instant.now();
                String previous = account.email;
                account.email = redeemed.newEmail;
                account.emailVerified = true;
                account.updatedAt = now;
                account.flush();
                sessions.revokeAllOf(account.id, redeemed.sessionId, "email-changed");
                outbox.publish(
                        Events.USER_UPDATED,
                        account.id,
                        new UserUpdated(account.id, account.username, account.email, previous, true, now));
            });
        } catch (PersistenceException e) {
            throw AccountService.emailTaken();
        }
    }
}
