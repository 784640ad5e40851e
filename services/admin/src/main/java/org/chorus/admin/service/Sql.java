package org.chorus.admin.service;

import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.query.NativeQuery;

/** What the native queries of the moderation services share: typed null parameters, and per-user locks. */
final class Sql {

    private Sql() {}

    /**
     * Binds a value that may be null with its type, so the driver never has to guess the type of an
     * untyped null (which PostgreSQL refuses for uuid and timestamptz columns).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Query nullable(Query query, String name, Object value, Class<?> type) {
        query.unwrap(NativeQuery.class).setParameter(name, value, (Class) type);
        return query;
    }

    static int integer(Object value) {
        return ((Number) value).intValue();
    }

    /**
     * A transaction-scoped advisory lock on one user's sanctions: imposing, lifting and expiring them
     * compute the user's remaining suspension from the others, so they must not interleave. The key
     * space (high bit set) differs from the audit log's, which uses the plain 64 bits of the id.
     */
    static void lockSanctionsOf(EntityManager entityManager, UUID userId) {
        long key = (userId.getMostSignificantBits() * 31 + userId.getLeastSignificantBits()) | Long.MIN_VALUE;
        entityManager
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) locked")
                .setParameter("key", key)
                .getSingleResult();
    }
}
