package org.chorus.notifications.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Notifications' own copy of what other services know: usernames and addresses (from login's
 * user-created / user-updated), blocks and mutes (from users' events), and who was erased.
 * Filled from events in the inbox's transaction; never asked over HTTP.
 */
@ApplicationScoped
public class Directory {

    public static final String BLOCK = "block";
    public static final String MUTE = "mute";

    private final EntityManager entityManager;

    Directory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Member(UUID id, String username, String email) {}

    /** Records the current username and address; ignored for an erased user (a late event must not bring them back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID userId, String username, String email) {
        if (username == null || username.isBlank() || erased(userId)) {
            return;
        }
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}member (id, username, email, updated_at) values (:id, :username, :email, now())
                        on conflict (id) do update set username = excluded.username,
                            email = coalesce(excluded.email, member.email), updated_at = now()""")
                .setParameter("id", userId)
                .setParameter("username", username)
                .setParameter("email", email)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Member> member(UUID userId) {
        List<?> rows = entityManager
                .createNativeQuery("select id, username, email from {h-schema}member where id = :id")
                .setParameter("id", userId)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Member((UUID) r[0], (String) r[1], (String) r[2]))
                .findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erased(UUID userId) {
        return !entityManager
                .createNativeQuery("select 1 from {h-schema}erased_user where id = :id")
                .setParameter("id", userId)
                .getResultList()
                .isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void relate(UUID userId, UUID otherId, String kind) {
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}relation (user_id, other_id, kind) values (:user, :other, :kind)
                        on conflict do nothing""")
                .setParameter("user", userId)
                .setParameter("other", otherId)
                .setParameter("kind", kind)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unrelate(UUID userId, UUID otherId, String kind) {
        entityManager
                .createNativeQuery("""
                        delete from {h-schema}relation where user_id = :user and other_id = :other and kind = :kind""")
                .setParameter("user", userId)
                .setParameter("other", otherId)
                .setParameter("kind", kind)
                .executeUpdate();
    }

    /** True when the recipient must not hear from the actor: the recipient blocked or muted them, or was blocked by them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hides(UUID recipient, UUID actor) {
        return !entityManager
                .createNativeQuery("""
                        select 1 from {h-schema}relation
                        where (user_id = :recipient and other_id = :actor)
                           or (user_id = :actor and other_id = :recipient and kind = 'block')
                        limit 1""")
                .setParameter("recipient", recipient)
                .setParameter("actor", actor)
                .getResultList()
                .isEmpty();
    }

    /** Forgets everything about the user and remembers only that they were erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        entityManager
                .createNativeQuery("delete from {h-schema}member where id = :id")
                .setParameter("id", userId)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from {h-schema}relation where user_id = :id or other_id = :id")
                .setParameter("id", userId)
                .executeUpdate();
        entityManager
                .createNativeQuery("insert into {h-schema}erased_user (id) values (:id) on conflict do nothing")
                .setParameter("id", userId)
                .executeUpdate();
    }
}
