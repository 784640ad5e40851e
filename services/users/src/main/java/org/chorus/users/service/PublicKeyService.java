package org.chorus.users.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.web.ProblemException;
import org.chorus.web.Timestamps;

/**
 * Users' public keys. The owner publishes, lists and removes them; others fetch them only when they
 * may see the owner's full profile (public, or friends-only and a friend), otherwise they do not exist.
 */
@ApplicationScoped
public class PublicKeyService {

    /** Enough for several devices and rotations; keeps every list one small page. */
    static final int MAX_KEYS = 20;

    private final EntityManager em;
    private final ProfileService profiles;

    PublicKeyService(EntityManager em, ProfileService profiles) {
        this.em = em;
        this.profiles = profiles;
    }

    @Transactional
    public PublicKeyView publish(UUID owner, String algorithm, String key, String label) {
        profiles.requireOwn(owner);
        // serialise publications of one owner so the cap holds under concurrency
        em.createNativeQuery("select 1 from profile where id = :id for update").setParameter("id", owner)
                .getResultList();
        long count = ((Number) em.createNativeQuery("select count(*) from public_key where user_id = :id")
                .setParameter("id", owner).getSingleResult()).longValue();
        if (count >= MAX_KEYS) {
            throw ProblemException.conflict("too-many-keys", "At most " + MAX_KEYS + " public keys; remove one first");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        em.createNativeQuery("""
                        insert into public_key (id, user_id, algorithm, key_data, label, created_at)
                        values (:id, :owner, :algorithm, :key, :label, :at)""")
                .setParameter("id", id).setParameter("owner", owner).setParameter("algorithm", algorithm)
                .setParameter("key", key).setParameter("label", cleanLabel).setParameter("at", now).executeUpdate();
        return new PublicKeyView(id, owner, algorithm, key, cleanLabel, now);
    }

    @Transactional
    public void remove(UUID owner, UUID keyId) {
        int deleted = em.createNativeQuery("delete from public_key where id = :id and user_id = :owner")
                .setParameter("id", keyId).setParameter("owner", owner).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("Public key");
        }
    }

    @Transactional
    public List<PublicKeyView> mine(UUID owner) {
        return list(owner);
    }

    @Transactional
    public List<PublicKeyView> of(UUID viewer, UUID owner) {
        if (!profiles.view(viewer, owner).full()) {
            throw ProblemException.notFound("Public keys");
        }
        return list(owner);
    }

    @SuppressWarnings("unchecked")
    private List<PublicKeyView> list(UUID owner) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, user_id, algorithm, key_data, label, created_at from public_key
                        where user_id = :owner order by created_at desc, id""")
                .setParameter("owner", owner).setMaxResults(MAX_KEYS).getResultList();
        return rows.stream().map(r -> new PublicKeyView(Rows.uuid(r[0]), Rows.uuid(r[1]), (String) r[2], (String) r[3],
                (String) r[4], Timestamps.instant(r[5]))).toList();
    }
}
