package org.chorus.admin.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Admin's copy of the user directory (id and username), kept from login's user-created, user-updated and
 * user-deleted, so that admin can name users and refuse roles for accounts that do not exist without
 * asking login. An older event never overwrites a newer one (updated_at).
 */
@ApplicationScoped
public class UserDirectory {

    private final EntityManager entityManager;

    UserDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(UUID userId, String username, Instant at) {
        entityManager.createNativeQuery("""
                        insert into {h-schema}directory_user as d (id, username, updated_at) values (:id, :username, :at)
                        on conflict (id) do update set username = excluded.username, updated_at = excluded.updated_at
                        where d.updated_at <= excluded.updated_at""")
                .setParameter("id", userId)
                .setParameter("username", username)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** The account is gone: its directory row and its roles. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(UUID userId) {
        entityManager.createNativeQuery("delete from {h-schema}directory_user where id = :id")
                .setParameter("id", userId).executeUpdate();
        entityManager.createNativeQuery("delete from {h-schema}user_role where user_id = :id")
                .setParameter("id", userId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean exists(UUID userId) {
        return !entityManager.createNativeQuery("select 1 from {h-schema}directory_user where id = :id")
                .setParameter("id", userId).getResultList().isEmpty();
    }
}
