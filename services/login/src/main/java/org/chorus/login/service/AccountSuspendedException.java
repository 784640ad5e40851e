package org.chorus.login.service;

import java.time.Instant;

import org.chorus.login.Account;
import org.chorus.web.ProblemException;

/**
 * 403 {@code account-suspended}: the account may not log in (admin's {@code user-suspended}).
 * Only ever thrown to someone who proved the first factor, so it reveals nothing to a guesser; the
 * answer says until when ({@code suspendedUntil}, absent for a suspension without an end).
 */
public class AccountSuspendedException extends ProblemException {

    private final transient Instant until;

    private AccountSuspendedException(Instant until) {
        super(403, "account-suspended", "Account suspended",
                until == null ? "This account is suspended until further notice"
                        : "This account is suspended until " + until);
        this.until = until;
    }

    public static AccountSuspendedException of(Account account) {
        return new AccountSuspendedException(account.suspendedUntil);
    }

    /** End of the suspension; null when it has none. */
    public Instant until() {
        return until;
    }
}
