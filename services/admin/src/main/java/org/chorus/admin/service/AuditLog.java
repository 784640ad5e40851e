package org.chorus.admin.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.admin.AuditEntry;
import org.chorus.admin.AuditKind;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The security audit log: records entries, anonymises a deleted user's entries, and reads the log
 * newest first one bounded page at a time (keyset pagination on occurred_at and id, so a page costs
 * the same however deep it is).
 *
 * <p>Recording and erasing one user take the same transaction-scoped advisory lock, because they run
 * on different consumer threads: without it an entry committed while the erasure runs could keep
 * the user's id for good.
 */
@ApplicationScoped
public class AuditLog {

    /** details minus the personal keys, as SQL; the keys are constants, never input */
    private static final String DETAILS_WITHOUT_PERSONAL_DATA = "details"
            + AuditEntry.PERSONAL_DETAILS.stream()
                    .map(key -> " - '" + key + "'")
                    .collect(Collectors.joining());

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AuditLog(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** One entry as administrators see it. */
    public record Item(
            UUID id,
            Instant occurredAt,
            String kind,
            UUID userId,
            String ip,
            String summary,
            Map<String, Object> details) {}

    /** Which entries to list; a null field does not filter. {@code until} is exclusive. */
    public record Filter(UUID userId, AuditKind kind, Instant since, Instant until) {}

    /**
     * Adds the entry, anonymised when its user has already been deleted. A second entry with the same
     * id is ignored (the inbox already prevents it; the primary key is the last line of defence).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        if (entry.userId() != null) {
            lockUser(entry.userId());
            if (erased(entry.userId())) {
                entry = entry.anonymised();
            }
        }
        // only the columns that have a value are in the SQL: no untyped null parameters for the driver to guess
        StringBuilder columns = new StringBuilder("id, occurred_at, kind, summary, details");
        StringBuilder values = new StringBuilder(":id, :occurredAt, :kind, :summary, cast(:details as jsonb)");
        if (entry.userId() != null) {
            columns.append(", user_id");
            values.append(", :userId");
        }
        if (entry.ip() != null) {
            columns.append(", ip");
            values.append(", :ip");
        }
        Query insert = entityManager
                .createNativeQuery("insert into {h-schema}audit_entry (" + columns + ") values (" + values
                        + ") on conflict (id) do nothing")
                .setParameter("id", entry.id())
                .setParameter("occurredAt", entry.occurredAt())
                .setParameter("kind", entry.kind().topic())
                .setParameter("summary", entry.summary())
                .setParameter("details", toJson(entry));
        if (entry.userId() != null) {
            insert.setParameter("userId", entry.userId());
        }
        if (entry.ip() != null) {
            insert.setParameter("ip", entry.ip());
        }
        insert.executeUpdate();
    }

    /**
     * Anonymises the user's entries (the security record itself stays) and remembers the user, so that
     * entries about them arriving later are stored anonymised. Idempotent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID userId) {
        lockUser(userId);
        entityManager
                .createNativeQuery("insert into {h-schema}erased_user (id) values (:id) on conflict do nothing")
                .setParameter("id", userId)
                .executeUpdate();
        entityManager
                .createNativeQuery("update {h-schema}audit_entry set user_id = null, ip = null, details = "
                        + DETAILS_WITHOUT_PERSONAL_DATA + " where user_id = :id")
                .setParameter("id", userId)
                .executeUpdate();
    }

    /** @param after the position returned with the previous page, or null for the first page */
    @Transactional
    public Slice<Item> list(Filter filter, KeysetCursor after, int limit) {
        // only the filters asked for are in the SQL: no untyped null parameters for the driver to guess
        StringBuilder sql = new StringBuilder("""
                select id, occurred_at, kind, user_id, ip, summary, cast(details as text)
                from {h-schema}audit_entry where true""");
        if (filter.userId() != null) {
            sql.append(" and user_id = :userId");
        }
        if (filter.kind() != null) {
            sql.append(" and kind = :kind");
        }
        if (filter.since() != null) {
            sql.append(" and occurred_at >= :since");
        }
        if (filter.until() != null) {
            sql.append(" and occurred_at < :until");
        }
        if (after != null) {
            sql.append(" and (occurred_at, id) < (:afterAt, :afterId)");
        }
        sql.append(" order by occurred_at desc, id desc limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (filter.userId() != null) {
            query.setParameter("userId", filter.userId());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind().topic());
        }
        if (filter.since() != null) {
            query.setParameter("since", filter.since());
        }
        if (filter.until() != null) {
            query.setParameter("until", filter.until());
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<Item> rows = ((List<?>) query.getResultList())
                .stream()
                        .map(r -> (Object[]) r)
                        .map(r -> new Item(
                                (UUID) r[0],
                                Timestamps.instant(r[1]),
                                (String) r[2],
                                (UUID) r[3],
                                (String) r[4],
                                (String) r[5],
                                readJson((String) r[6])))
                        .toList();
        return Slice.of(rows, limit, last -> new KeysetCursor(last.occurredAt(), last.id()));
    }

    /**
     * Deletes at most {@code batchSize} entries that occurred before the cutoff, oldest first, skipping
     * rows another replica's run has locked; returns how many it deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteOlderThan(Instant cutoff, int batchSize) {
        return entityManager
                .createNativeQuery("""
                        delete from {h-schema}audit_entry where id in (
                            select id from {h-schema}audit_entry where occurred_at < :cutoff
                            order by occurred_at limit :batch for update skip locked)""")
                .setParameter("cutoff", cutoff)
                .setParameter("batch", batchSize)
                .executeUpdate();
    }

    /** Forgets users erased before the cutoff: every entry that could have been about them is gone by then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetErasedBefore(Instant cutoff) {
        return entityManager
                .createNativeQuery("delete from {h-schema}erased_user where erased_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private boolean erased(UUID userId) {
        return !entityManager
                .createNativeQuery("select 1 from {h-schema}erased_user where id = :id")
                .setParameter("id", userId)
                .getResultList()
                .isEmpty();
    }

    /** Serialises recording and erasing for one user (advisory locks are per database: the key is 64 bits of the id). */
    private void lockUser(UUID userId) {
        entityManager
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) locked")
                .setParameter("key", userId.getMostSignificantBits() ^ userId.getLeastSignificantBits())
                .getSingleResult();
    }

    private String toJson(AuditEntry entry) {
        try {
            return json.writeValueAsString(entry.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot store the details of " + entry.kind().topic(), e);
        }
    }

    private Map<String, Object> readJson(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored details are not JSON", e);
        }
    }
}
