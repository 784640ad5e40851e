package org.chorus.login.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.admin.RoleGranted;
import org.chorus.events.admin.RoleRevoked;
import org.chorus.events.admin.UserReinstated;
import org.chorus.events.admin.UserSuspended;
import org.chorus.login.Account;
import org.chorus.login.AccountStatus;
import org.chorus.login.Roles;

import io.quarkus.logging.Log;

/**
 * What admin decides about accounts, applied here because login signs the tokens: roles become
 * the {@code groups} claim, a suspension stops logins and voids live tokens. Each method runs
 * inside the inbox's transaction, once per event.
 */
@ApplicationScoped
public class AdminDecisions {

    private final SessionService sessions;
    private final DenyList denyList;

    AdminDecisions(SessionService sessions, DenyList denyList) {
        this.sessions = sessions;
        this.denyList = denyList;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void grant(RoleGranted event) {
        Account account = find(event.userId());
        if (account == null || !known(event.role())) {
            return;
        }
        if (!account.roleSet().contains(event.role())) {
            String[] roles = Arrays.copyOf(account.roles, account.roles.length + 1);
            roles[roles.length - 1] = event.role();
            account.roles = roles;
            account.updatedAt = Instant.now();
        }
    }

    /** The role goes at once: tokens that still carry it are voided (a refresh gives one without it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(RoleRevoked event) {
        Account account = find(event.userId());
        if (account == null || !known(event.role()) || Roles.USER.equals(event.role())) {
            return; // everyone keeps "user"
        }
        if (account.roleSet().contains(event.role())) {
            account.roles = account.roleSet().stream()
                    .filter(r -> !r.equals(event.role()))
                    .toArray(String[]::new);
            voidTokens(account, Instant.now());
        }
    }

    /** No more logins or refreshes; every session ends and live tokens are rejected at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(UserSuspended event) {
        Account account = find(event.userId());
        if (account == null) {
            return;
        }
        Instant now = Instant.now();
        account.status = AccountStatus.SUSPENDED;
        account.suspendedUntil = event.until();
        voidTokens(account, now);
        sessions.revokeAllOf(account.id, null, "suspended");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reinstate(UserReinstated event) {
        Account account = find(event.userId());
        if (account == null) {
            return;
        }
        account.status = AccountStatus.ACTIVE;
        account.suspendedUntil = null;
        account.updatedAt = Instant.now();
    }

    private void voidTokens(Account account, Instant now) {
        account.tokensInvalidBefore = now;
        account.updatedAt = now;
        denyList.denyUserAfterCommit(account.id, now);
    }

    private static Account find(UUID userId) {
        Account account = Account.findById(userId);
        if (account == null) {
            // e.g. deleted since; nothing to apply, and retrying would not change that
            Log.warnf("Admin event for unknown account %s ignored", userId);
        }
        return account;
    }

    private static boolean known(String role) {
        if (!Roles.ALL.contains(role)) {
            Log.warnf("Admin event with unknown role %s ignored", role);
            return false;
        }
        return true;
    }
}
