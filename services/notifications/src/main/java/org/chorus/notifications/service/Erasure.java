package org.chorus.notifications.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.Events;
import org.chorus.events.privacy.ErasureConfirmed;
import org.chorus.outbox.Outbox;

/**
 * user-deleted: everything notifications holds about the member goes — their notifications and
 * their part in others', their address and username, blocks and mutes, mail preferences and
 * unsubscribe tokens, and their mails in the delivery log. Only the fact that they were erased is
 * kept, so that events arriving later make nothing. Then {@code erasure-confirmed} (service
 * {@code notifications}) goes out through the outbox.
 */
@ApplicationScoped
public class Erasure {

    static final String SERVICE = "notifications";

    private final Directory directory;
    private final NotificationStore store;
    private final MailPreferences preferences;
    private final DeliveryQueue deliveries;
    private final Outbox outbox;

    Erasure(
            Directory directory,
            NotificationStore store,
            MailPreferences preferences,
            DeliveryQueue deliveries,
            Outbox outbox) {
        this.directory = directory;
        this.store = store;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        String email = directory.member(userId).map(Directory.Member::email).orElse(null);
        deliveries.erase(userId, email);
        store.erase(userId);
        preferences.erase(userId);
        directory.erase(userId);
        // in the same transaction: admin hears of the erasure exactly when it happened
        outbox.publish(Events.ERASURE_CONFIRMED, userId, new ErasureConfirmed(userId, SERVICE, Instant.now()));
    }
}
