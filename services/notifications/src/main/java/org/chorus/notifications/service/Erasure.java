package org.chorus.notifications.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * user-deleted: everything notifications holds about the member goes — their notifications and
 * their part in others', their address and username, blocks and mutes, mail preferences and
 * unsubscribe tokens, and their mails in the delivery log. Only the fact that they were erased is
 * kept, so that events arriving later make nothing.
 */
@ApplicationScoped
public class Erasure {

    private final Directory directory;
    private final NotificationStore store;
    private final MailPreferences preferences;
    private final DeliveryQueue deliveries;

    Erasure(Directory directory, NotificationStore store, MailPreferences preferences, DeliveryQueue deliveries) {
        this.directory = directory;
        this.store = store;
        this.preferences = preferences;
        this.deliveries = deliveries;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        String email = directory.member(userId).map(Directory.Member::email).orElse(null);
        deliveries.erase(userId, email);
        store.erase(userId);
        preferences.erase(userId);
        directory.erase(userId);
    }
}
