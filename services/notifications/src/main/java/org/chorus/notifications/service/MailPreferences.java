package org.chorus.notifications.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import org.chorus.notifications.MailPreference;

/**
 * Which mails a member wants. Without a stored row the defaults apply: friend requests and
 * mentions on, comments and the digest off. Security and moderation mail has no switch.
 */
@ApplicationScoped
public class MailPreferences {

    private final EntityManager entityManager;

    MailPreferences(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Preferences(
            @NotNull Boolean friendRequests,
            @NotNull Boolean comments,
            @NotNull Boolean mentions,
            @NotNull Boolean digest) {
        static final Preferences DEFAULTS = new Preferences(true, false, true, false);

        boolean enabled(MailPreference preference) {
            return switch (preference) {
                case FRIEND_REQUESTS -> friendRequests;
                case COMMENTS -> comments;
                case MENTIONS -> mentions;
                case DIGEST -> digest;
            };
        }
    }

    @Transactional
    public Preferences of(UUID userId) {
        List<?> rows =
                entityManager.createNativeQuery("""
                        select friend_requests, comments, mentions, digest from {h-schema}mail_preference where user_id = :u""").setParameter("u", userId).getResultList();
        if (rows.isEmpty()) {
            return Preferences.DEFAULTS;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Preferences((Boolean) r[0], (Boolean) r[1], (Boolean) r[2], (Boolean) r[3]);
    }

    @Transactional
    public Preferences save(UUID userId, Preferences preferences) {
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}mail_preference (user_id, friend_requests, comments, mentions, digest, updated_at)
                        values (:u, :f, :c, :m, :d, now())
                        on conflict (user_id) do update set friend_requests = excluded.friend_requests,
                            comments = excluded.comments, mentions = excluded.mentions, digest = excluded.digest,
                            updated_at = now()""")
                .setParameter("u", userId)
                .setParameter("f", preferences.friendRequests())
                .setParameter("c", preferences.comments())
                .setParameter("m", preferences.mentions())
                .setParameter("d", preferences.digest())
                .executeUpdate();
        return preferences;
    }

    /** Turns one mail off (one-click unsubscribe), keeping the others as they were. */
    @Transactional
    public void turnOff(UUID userId, MailPreference preference) {
        Preferences current = of(userId);
        save(
                userId,
                new Preferences(
                        preference != MailPreference.FRIEND_REQUESTS && current.friendRequests(),
                        preference != MailPreference.COMMENTS && current.comments(),
                        preference != MailPreference.MENTIONS && current.mentions(),
                        preference != MailPreference.DIGEST && current.digest()));
    }

    @Transactional
    public boolean enabled(UUID userId, MailPreference preference) {
        return of(userId).enabled(preference);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        entityManager
                .createNativeQuery("delete from {h-schema}mail_preference where user_id = :u")
                .setParameter("u", userId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}unsubscribe_token where user_id = :u")
                .setParameter("u", userId)
                .executeUpdate();
    }
}
