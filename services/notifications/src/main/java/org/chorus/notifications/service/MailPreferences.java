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
 * mentions on, comments, the digest and the unseen reminder off. Security and moderation mail has
 * no switch.
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
            @NotNull Boolean digest,
            // optional in a PUT (clients that know only the first four keep working): null keeps the stored value
            Boolean unseen) {
        static final Preferences DEFAULTS = new Preferences(true, false, true, false, false);

        boolean enabled(MailPreference preference) {
            return switch (preference) {
                case FRIEND_REQUESTS -> friendRequests;
                case COMMENTS -> comments;
                case MENTIONS -> mentions;
                case DIGEST -> digest;
                case UNSEEN -> Boolean.TRUE.equals(unseen);
            };
        }
    }

    @Transactional
    public Preferences of(UUID userId) {
        List<?> rows =
                entityManager.createNativeQuery("""
                        select friend_requests, comments, mentions, digest, unseen from {h-schema}mail_preference where user_id = :u""").setParameter("u", userId).getResultList();
        if (rows.isEmpty()) {
            return Preferences.DEFAULTS;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Preferences((Boolean) r[0], (Boolean) r[1], (Boolean) r[2], (Boolean) r[3], (Boolean) r[4]);
    }

    @Transactional
    public Preferences save(UUID userId, Preferences given) {
        Preferences preferences = given.unseen() != null
                ? given
                : new Preferences(
                        given.friendRequests(),
                        given.comments(),
                        given.mentions(),
                        given.digest(),
                        of(userId).unseen());
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}mail_preference (user_id, friend_requests, comments, mentions, digest, unseen, updated_at)
                        values (:u, :f, :c, :m, :d, :s, now())
                        on conflict (user_id) do update set friend_requests = excluded.friend_requests,
                            comments = excluded.comments, mentions = excluded.mentions, digest = excluded.digest,
                            unseen = excluded.unseen, updated_at = now()""")
                .setParameter("u", userId)
                .setParameter("f", preferences.friendRequests())
                .setParameter("c", preferences.comments())
                .setParameter("m", preferences.mentions())
                .setParameter("d", preferences.digest())
                .setParameter("s", preferences.unseen())
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
                        preference != MailPreference.DIGEST && current.digest(),
                        preference != MailPreference.UNSEEN && current.unseen()));
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
