package org.chorus.login.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.login.Account;
import org.chorus.login.RecoveryCode;
import org.chorus.outbox.Outbox;

/**
 * {@code two-factor-changed}: the owner is told by e-mail (notifications) whenever their second factor
 * is turned on or off, their recovery codes are replaced or one is used — someone holding the password
 * and a live session must not be able to do any of that unnoticed — and the audit log has it.
 */
@ApplicationScoped
class TwoFactorEvents {

    private final Outbox outbox;

    TwoFactorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the transaction that made the change, so the event goes if and only if the change is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(UUID accountId, String change) {
        Account account = Account.findById(accountId);
        long left = TwoFactorChanged.DISABLED.equals(change)
                ? 0
                : RecoveryCode.count("accountId = ?1 and usedAt is null", accountId);
        outbox.publish(
                Events.TWO_FACTOR_CHANGED,
                accountId,
                new TwoFactorChanged(accountId, account.email, account.username, change, (int) left, Instant.now()));
    }
}
