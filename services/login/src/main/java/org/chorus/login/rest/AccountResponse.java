package org.chorus.login.rest;

import java.time.Instant;
import java.util.UUID;

import org.chorus.login.Account;

/** An account as its owner sees it. Never carries the password hash. */
public record AccountResponse(UUID id, String email, String username, boolean emailVerified, Instant createdAt) {

    static AccountResponse of(Account account) {
        return new AccountResponse(
                account.id, account.email, account.username, account.emailVerified, account.createdAt);
    }
}
