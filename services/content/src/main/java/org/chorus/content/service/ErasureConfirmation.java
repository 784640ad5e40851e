package org.chorus.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.privacy.ErasureConfirmed;
import org.chorus.outbox.Outbox;

/**
 * Tells admin that content erased a member ({@code erasure-confirmed}, service {@code content}). Called in the
 * transaction of the erasure, so the confirmation goes out exactly when the posts, comments and reactions are gone, and never without it.
 */
@ApplicationScoped
public class ErasureConfirmation {

    static final String SERVICE = "content";

    private final Outbox outbox;

    ErasureConfirmation(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(UUID userId) {
        outbox.publish(Events.ERASURE_CONFIRMED, userId, new ErasureConfirmed(userId, SERVICE, Instant.now()));
    }
}
