package org.chorus.login.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.Account;
import org.chorus.web.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Password login. An unknown login and a wrong password get the same answer after the same work
 * (a dummy hash is verified for unknown logins), so the endpoint tells nobody which accounts exist.
 */
@ApplicationScoped
public class LoginService {

    private final PasswordHasher hasher;
    private final SessionService sessions;

    LoginService(PasswordHasher hasher, SessionService sessions) {
        this.hasher = hasher;
        this.sessions = sessions;
    }

    public TokenPair login(String login, String password, ClientInfo client) {
        // read outside any transaction: no connection is held during the slow hash
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findByLogin(login).orElse(null));
        if (account == null) {
            hasher.verifyDummy(password);
            throw invalidCredentials();
        }
        PasswordHasher.Verification verification = hasher.verify(password, account.passwordHash);
        if (!verification.matches()) {
            throw invalidCredentials();
        }
        if (!account.active()) {
            // only said to someone who knows the password
            throw new ProblemException(403, "account-suspended", "Account suspended",
                    "This account is suspended");
        }
        return sessions.open(account, client);
    }

    public static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "Invalid credentials",
                "The login or the password is wrong");
    }
}
