package org.chorus.notifications.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.notifications.NotificationKind;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Slice;
import org.chorus.web.Timestamps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a user's notifications: pages of the list, single entries, what changed after a sequence number. */
@ApplicationScoped
public class NotificationQueries {

    static final int SHOWN_ACTORS = 3;
    private static final String COLUMNS = """
            select id, kind, target_kind, target_id, post_id, read, created_at, updated_at, seq, cast(data as text)
            from {h-schema}notification""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    NotificationQueries(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Newest activity first; keyset on (updated_at, id). */
    @Transactional
    public Slice<NotificationItem> page(
            UUID userId, boolean unreadOnly, NotificationKind kind, KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where user_id = :user");
        if (unreadOnly) {
            sql.append(" and not read");
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
        }
        if (after != null) {
            sql.append(" and (updated_at, id) < (:afterAt, :afterId)");
        }
        sql.append(" order by updated_at desc, id desc limit :limit");
        Query query = entityManager
                .createNativeQuery(sql.toString())
                .setParameter("user", userId)
                .setParameter("limit", limit + 1);
        if (kind != null) {
            query.setParameter("kind", kind.wireName());
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<NotificationItem> items = items(query.getResultList());
        return Slice.of(items, limit, last -> new KeysetCursor(last.updatedAt(), last.id()));
    }

    @Transactional
    public Optional<NotificationItem> item(UUID id) {
        return items(entityManager
                        .createNativeQuery(COLUMNS + " where id = :id")
                        .setParameter("id", id)
                        .getResultList())
                .stream()
                .findFirst();
    }

    /** Entries changed after {@code seq}, oldest change first: what a reconnecting stream missed. */
    @Transactional
    public List<NotificationItem> changedAfter(UUID userId, long seq, int limit) {
        return items(entityManager
                .createNativeQuery(COLUMNS + " where user_id = :user and seq > :seq order by seq limit :limit")
                .setParameter("user", userId)
                .setParameter("seq", seq)
                .setParameter("limit", limit)
                .getResultList());
    }

    @Transactional
    public long unreadCount(UUID userId) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from {h-schema}notification where user_id = :user and not read")
                        .setParameter("user", userId)
                        .getSingleResult())
                .longValue();
    }

    private List<NotificationItem> items(List<?> rows) {
        List<Object[]> list = rows.stream().map(r -> (Object[]) r).toList();
        if (list.isEmpty()) {
            return List.of();
        }
        Map<UUID, Actors> actors = actors(list.stream().map(r -> (UUID) r[0]).toList());
        List<NotificationItem> items = new ArrayList<>(list.size());
        for (Object[] r : list) {
            Actors a = actors.getOrDefault((UUID) r[0], Actors.NONE);
            items.add(new NotificationItem(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (UUID) r[4],
                    a.shown(),
                    a.count(),
                    (Boolean) r[5],
                    Timestamps.instant(r[6]),
                    Timestamps.instant(r[7]),
                    ((Number) r[8]).longValue(),
                    data((String) r[9])));
        }
        return items;
    }

    private record Actors(List<NotificationItem.Actor> shown, int count) {
        static final Actors NONE = new Actors(List.of(), 0);
    }

    /** Each entry's distinct actors, latest first: one query for a whole page. */
    private Map<UUID, Actors> actors(List<UUID> ids) {
        List<?> rows =
                entityManager.createNativeQuery("""
                        select a.notification_id, a.actor_id, m.username, max(a.acted_at) as latest
                        from {h-schema}notification_actor a left join {h-schema}member m on m.id = a.actor_id
                        where a.notification_id in (:ids)
                        group by a.notification_id, a.actor_id, m.username
                        order by a.notification_id, latest desc, a.actor_id""").setParameter("ids", ids).getResultList();
        Map<UUID, List<NotificationItem.Actor>> all = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            all.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new NotificationItem.Actor((UUID) r[1], (String) r[2]));
        }
        Map<UUID, Actors> result = new HashMap<>();
        all.forEach((id, list) -> {
            Set<NotificationItem.Actor> distinct = new LinkedHashSet<>(list);
            result.put(id, new Actors(distinct.stream().limit(SHOWN_ACTORS).toList(), distinct.size()));
        });
        return result;
    }

    private JsonNode data(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notification data is not JSON", e);
        }
    }
}
