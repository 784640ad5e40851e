package org.chorus.login.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.events.Events;
import org.chorus.events.login.UserDeleted;
import org.chorus.events.privacy.ErasureConfirmed;
import org.chorus.login.Account;
import org.chorus.login.Session;
import org.chorus.outbox.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Erasing an account, after the owner proved it is them again (the password, and the second factor
 * when it is on — not just a token that may have been left on a shared computer). Sessions, tokens and links go with the row
 * (foreign keys cascade); {@code user-deleted} tells every other service to erase its part, and
 * {@code erasure-confirmed} tells admin's erasure tracking that login's part is gone — in the same transaction, so
 * the confirmation exists exactly when the deletion does.
 */
@ApplicationScoped
public class AccountDeletion {

    /** login's name in erasure-confirmed */
    static final String SERVICE = "login";

    private final TwoFactorService identity;
    private final DenyList denyList;
    private final Outbox outbox;

    AccountDeletion(TwoFactorService identity, DenyList denyList, Outbox outbox) {
        this.identity = identity;
        this.denyList = denyList;
        this.outbox = outbox;
    }

    public void delete(UUID accountId, IdentityProof proof, ClientInfo client) {
        identity.confirmIdentity(accountId, proof, client);
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (Session session : Session.<Session>list("accountId = ?1 and revokedAt is null", accountId)) {
                denyList.denySessionAfterCommit(session.id, now);
            }
            denyList.denyUserAfterCommit(accountId, now);
            Account.deleteById(accountId);
            outbox.publish(Events.USER_DELETED, accountId, new UserDeleted(accountId, now));
            outbox.publish(Events.ERASURE_CONFIRMED, accountId, new ErasureConfirmed(accountId, SERVICE, now));
        });
    }
}
