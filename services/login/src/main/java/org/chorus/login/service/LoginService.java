package org.chorus.login.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.Account;
import org.chorus.web.ProblemException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Password login. An unknown login and a wrong password get the same answer after the same work
 * (a dummy hash is verified for unknown logins), so the endpoint tells nobody which accounts exist.
 */
@ApplicationScoped
public class LoginService {

    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final MfaChallenges challenges;

    LoginService(PasswordHasher hasher, SessionService sessions, LoginThrottle throttle, MfaChallenges challenges) {
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.challenges = challenges;
    }

    /** A password login: a session, or with 2FA on a challenge for the code step. */
    public LoginResult login(String login, String password, ClientInfo client) {
        Account account = checkPassword(login, password, client);
        LoginResult result = challenges.sessionOrChallenge(account, client, "password");
        if (result.tokens() != null) {
            throttle.succeeded(account.id);
        }
        // with 2FA on, the run of failures ends only when the code is right too: otherwise a
        // password holder could guess codes forever, logging in again before each lockout
        return result;
    }

    /**
     * Checks a login and password, with the throttling that goes with it; the account when they
     * match. Unknown login, wrong password and locked account all end in the same 401 after one
     * argon2id verification each.
     */
    public Account authenticate(String login, String password, ClientInfo client) {
        Account account = checkPassword(login, password, client);
        throttle.succeeded(account.id);
        return account;
    }

    /**
     * {@link #authenticate} without ending the account's run of failures. A login naming no account
     * takes the steps a wrong password takes — lock check, one argon2id verification, the failure
     * counters, the failure's transaction — against a stand-in for the name, so the two cannot be
     * told apart by their timing either (LoginTimingBenchmark measures it).
     */
    private Account checkPassword(String login, String password, ClientInfo client) {
        throttle.checkAddress(client.ip());
        // read outside any transaction: no connection is held during the slow hash
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findByLogin(login).orElse(null));
        LoginThrottle.Subject subject = account != null ? LoginThrottle.Subject.account(account.id)
                : LoginThrottle.Subject.standIn(login);
        if (throttle.isLocked(subject)) {
            hasher.verifyDummy(password); // the same work as a real check: the lock does not show in timing
            throttle.lockedAccountTried(subject, client);
            throw invalidCredentials();
        }
        PasswordHasher.Verification verification = account != null ? hasher.verify(password, account.passwordHash)
                : hasher.verifyDummy(password);
        if (account == null || !verification.matches()) {
            throttle.wrongPassword(subject, client);
            throw invalidCredentials();
        }
        if (verification.needsRehash()) {
            rehash(account, password);
        }
        if (!account.active()) {
            // only said to someone who knows the password
            throw AccountSuspendedException.of(account);
        }
        return account;
    }

    /**
     * The hash was made with older parameters: replace it now that the password is at hand. Only
     * if nobody changed the password meanwhile (the old hash must still be the stored one).
     */
    private void rehash(Account account, String password) {
        String previous = account.passwordHash;
        String upgraded = hasher.hash(password);
        QuarkusTransaction.requiringNew().run(() -> Account.update(
                "passwordHash = ?1, updatedAt = ?2 where id = ?3 and passwordHash = ?4",
                upgraded, Instant.now(), account.id, previous));
        account.passwordHash = upgraded;
        Log.infof("Re-hashed the password of %s with the current argon2id parameters", account.id);
    }

    public static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "Invalid credentials",
                "The login or the password is wrong");
    }
}
