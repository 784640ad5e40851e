package org.chorus.users.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.chorus.web.KeysetCursor;
import org.chorus.web.Slice;

/**
 * Keyset pagination over (time desc, id desc) for native queries that select
 * (id, username, display_name, time). Stable under inserts, no OFFSET scans.
 */
final class Keyset {

    private Keyset() {
    }

    /**
     * @param select  query up to and including its where clause, without order or limit
     * @param timeCol the column ordered on, e.g. {@code f.created_at}
     * @param idCol   the tie-breaker column, e.g. {@code f.friend_id}
     */
    static Slice<UserCard> cards(EntityManager em, String select, String timeCol, String idCol,
                                Map<String, Object> params, KeysetCursor after, int limit) {
        return page(em, select, timeCol, idCol, params, after, limit, Rows::card, c -> new KeysetCursor(c.since(), c.id()));
    }

    /** The same for rows of any shape; {@code position} gives the (time, id) of an item. */
    @SuppressWarnings("unchecked")
    static <T> Slice<T> page(EntityManager em, String select, String timeCol, String idCol, Map<String, Object> params,
                            KeysetCursor after, int limit, Function<Object[], T> map, Function<T, KeysetCursor> position) {
        StringBuilder sql = new StringBuilder(select);
        if (after != null) {
            sql.append(" and (").append(timeCol).append(", ").append(idCol).append(") < (:afterAt, :afterId)");
        }
        sql.append(" order by ").append(timeCol).append(" desc, ").append(idCol).append(" desc");
        Query query = em.createNativeQuery(sql.toString()).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<T> items = new ArrayList<>(((List<Object[]>) query.getResultList()).stream().map(map).toList());
        KeysetCursor next = null;
        if (items.size() > limit) {
            items.remove(limit);
            next = position.apply(items.get(limit - 1));
        }
        return new Slice<>(items, next);
    }
}
