package org.chorus.admin.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.admin.DeadLetter;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The dead letters of every consumer, read from the {@code <topic>.dlq.<consumer>} topics. */
@ApplicationScoped
public class DeadLetters {

    private static final String DLQ = ".dlq.";
    private static final String COLUMNS = """
            id, topic, consumer, record_key, payload, cast(headers as text), error, first_seen, last_seen, seen_count,
            state""";
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final int MAX_TEXT = 1_000_000;

    private final EntityManager entityManager;
    private final ObjectMapper json;

    DeadLetters(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** One record read from a dead-letter topic, with where it was read (partition and offset identify it). */
    public record Received(
            String dlqTopic,
            int partition,
            long offset,
            String key,
            String payload,
            Map<String, String> headers,
            Instant at) {}

    /**
     * Stores the record, or counts it again when the same event was dead-lettered on that topic before (a
     * replay that failed again). A redelivery of the same dead-letter record (same partition and offset)
     * counts once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Received r) {
        int fresh = entityManager
                .createNativeQuery("""
                        insert into {h-schema}handled_event (consumer, event_id) values ('admin-dead-letters', :id)
                        on conflict do nothing""")
                .setParameter("id", r.dlqTopic() + "-" + r.partition() + "@" + r.offset())
                .executeUpdate();
        if (fresh == 0) {
            return;
        }
        int split = r.dlqTopic().lastIndexOf(DLQ);
        String origin = r.headers()
                .getOrDefault("dead-letter-topic", split > 0 ? r.dlqTopic().substring(0, split) : r.dlqTopic());
        String consumer = split > 0 ? r.dlqTopic().substring(split + DLQ.length()) : "";
        String reason = r.headers().get("dead-letter-reason");
        String cause = r.headers().get("dead-letter-cause");
        String error = reason == null ? cause : cause == null || cause.equals(reason) ? reason : reason + ": " + cause;
        String ceId = r.headers().get("ce_id");
        String fingerprint = ceId != null ? "ce:" + ceId : "sha256:" + sha256(r.key() + "\u0000" + r.payload());
        Query upsert = entityManager
                .createNativeQuery("""
                        insert into {h-schema}dead_letter as d (id, dlq_topic, topic, consumer, fingerprint, record_key,
                            payload, headers, error, first_seen, last_seen)
                        values (:id, :dlqTopic, :topic, :consumer, :fingerprint, :key, :payload, cast(:headers as jsonb),
                            :error, :at, :at)
                        on conflict (dlq_topic, fingerprint) do update set seen_count = d.seen_count + 1,
                            last_seen = greatest(d.last_seen, excluded.last_seen), error = excluded.error,
                            headers = excluded.headers, state = 'pending', replayed_at = null""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("dlqTopic", r.dlqTopic())
                .setParameter("topic", origin)
                .setParameter("consumer", consumer)
                .setParameter("fingerprint", fingerprint)
                .setParameter("headers", write(r.headers()).replace("\\u0000", ""))
                .setParameter("at", r.at());
        Sql.nullable(upsert, "key", r.key(), String.class);
        Sql.nullable(upsert, "payload", r.payload() == null ? null : cut(r.payload()), String.class);
        Sql.nullable(upsert, "error", error == null ? null : cut(error), String.class);
        upsert.executeUpdate();
    }

    /** Pending dead letters, most recently seen first; a null filter does not filter. */
    @Transactional
    public Slice<DeadLetter> list(String topic, String consumer, KeysetCursor after, int limit) {
        StringBuilder sql =
                new StringBuilder("select " + COLUMNS + " from {h-schema}dead_letter where state = 'pending'");
        if (topic != null) {
            sql.append(" and topic = :topic");
        }
        if (consumer != null) {
            sql.append(" and consumer = :consumer");
        }
        if (after != null) {
            sql.append(" and (last_seen, id) < (:afterAt, :afterId)");
        }
        sql.append(" order by last_seen desc, id desc limit :limit");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("limit", limit + 1);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        if (consumer != null) {
            query.setParameter("consumer", consumer);
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<DeadLetter> rows = letters(query.getResultList());
        return Slice.of(rows, limit, last -> new KeysetCursor(last.lastSeen(), last.id()));
    }

    @Transactional
    public Optional<DeadLetter> find(UUID id) {
        return letters(entityManager
                        .createNativeQuery("select " + COLUMNS + " from {h-schema}dead_letter where id = :id")
                        .setParameter("id", id)
                        .getResultList())
                .stream()
                .findFirst();
    }

    /** The pending ids matching the filter, oldest first, at most {@code max}. */
    @Transactional
    public List<UUID> pendingIds(String topic, String consumer, int max) {
        StringBuilder sql = new StringBuilder("select id from {h-schema}dead_letter where state = 'pending'");
        if (topic != null) {
            sql.append(" and topic = :topic");
        }
        if (consumer != null) {
            sql.append(" and consumer = :consumer");
        }
        sql.append(" order by last_seen, id limit :max");
        Query query = entityManager.createNativeQuery(sql.toString()).setParameter("max", max);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        if (consumer != null) {
            query.setParameter("consumer", consumer);
        }
        return ((List<?>) query.getResultList()).stream().map(UUID.class::cast).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markReplayed(UUID id) {
        entityManager
                .createNativeQuery(
                        "update {h-schema}dead_letter set state = 'replayed', replayed_at = now() where id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean discard(UUID id) {
        return entityManager
                        .createNativeQuery("delete from {h-schema}dead_letter where id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    /** Pending dead letters per origin topic, for the gauge. */
    @Transactional
    public Map<String, Long> pendingPerTopic() {
        return ((List<?>) entityManager
                        .createNativeQuery(
                                "select topic, count(*) from {h-schema}dead_letter where state = 'pending' group by topic")
                        .getResultList())
                .stream()
                        .map(r -> (Object[]) r)
                        .collect(java.util.stream.Collectors.toMap(
                                r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    private List<DeadLetter> letters(List<?> result) {
        return result.stream()
                .map(r -> (Object[]) r)
                .map(r -> new DeadLetter(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        read((String) r[5]),
                        (String) r[6],
                        Timestamps.instant(r[7]),
                        Timestamps.instant(r[8]),
                        Sql.integer(r[9]),
                        (String) r[10]))
                .toList();
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers", e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
    }

    /** PostgreSQL text holds no NUL character; a dead letter may well contain one. */
    private static String cut(String value) {
        String clean = value.replace("\u0000", "");
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
