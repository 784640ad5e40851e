package org.chorus.users.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.privacy.ErasureConfirmed;
import org.chorus.outbox.Outbox;

/**
 * Tells admin that users erased a member ({@code erasure-confirmed}, service {@code users}). Called in the
 * transaction of the erasure, so the confirmation goes out exactly when the profile is gone, and never without it.
 */
@ApplicationScoped
public class ErasureConfirmation {

    static final String SERVICE = "users";

    private final Outbox outbox;

    ErasureConfirmation(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(UUID userId) {
        outbox.publish(Events.ERASURE_CONFIRMED, userId, new ErasureConfirmed(userId, SERVICE, Instant.now()));
    }
}
