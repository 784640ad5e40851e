package org.chorus.login.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.events.Events;
import org.chorus.events.login.LoginLinkRequested;
import org.chorus.login.Account;
import org.chorus.login.OneTimeToken;
import org.chorus.login.config.LinksConfig;
import org.chorus.outbox.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Passwordless login: a single-use link (10 minutes) to the address opens a session. */
@ApplicationScoped
public class LoginLinkService {

    private final OneTimeLinks links;
    private final LinksConfig config;
    private final MfaChallenges challenges;
    private final Outbox outbox;

    LoginLinkService(OneTimeLinks links, LinksConfig config, MfaChallenges challenges, Outbox outbox) {
        this.links = links;
        this.config = config;
        this.challenges = challenges;
        this.outbox = outbox;
    }

    /** Sends a link if an active account has the address; silent either way (the answer is always 202). */
    public void request(String normalisedEmail) {
        QuarkusTransaction.requiringNew().run(() -> Account.findByEmail(normalisedEmail)
                .filter(Account::active)
                .ifPresent(account -> {
                    OneTimeLinks.Issued issued = links.issue(account.id, OneTimeToken.Purpose.LOGIN_LINK,
                            config.loginLinkLifetime(), null);
                    outbox.publish(Events.LOGIN_LINK_REQUESTED, account.id, new LoginLinkRequested(account.id,
                            account.email, account.username, OneTimeLinks.link(config.loginLink(), issued.value()),
                            issued.expiresAt()));
                }));
    }

    /**
     * Redeems a link and opens a session, as a password login would — with 2FA on, the link is
     * only the first factor: the answer is a challenge for the code step, like after a password.
     */
    public LoginResult complete(String token, ClientInfo client) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OneTimeToken redeemed = links.redeem(token, OneTimeToken.Purpose.LOGIN_LINK);
            Account account = Account.findById(redeemed.accountId);
            if (!account.active()) {
                throw AccountSuspendedException.of(account);
            }
            return challenges.sessionOrChallenge(account, client, "login-link");
        });
    }
}
