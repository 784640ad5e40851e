package org.chorus.content.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.chorus.content.Entities;
import org.chorus.content.Reaction;
import org.chorus.web.KeysetCursor;
import org.chorus.web.Slice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads posts with everything a reader gets (author, counts, the viewer's own reaction) in one statement: an inner
 * query picks the page (visibility rules, keyset, limit), and the outer one adds the counts for those rows only.
 */
@ApplicationScoped
public class PostReader {

    /** The columns an inner query selects from {@code post p}. */
    static final String POST_COLUMNS =
            "p.id, p.author_id, p.text, p.visibility, p.language, p.entities, p.created_at, p.edited_at, p.version, p.hidden";

    private static final String PROJECTION = """
            select p.id, p.author_id, a.username, p.text, p.visibility, p.language, cast(p.entities as text), p.created_at,
                   p.edited_at, p.version, p.hidden,
                   (select count(*) from {h-schema}comment c where c.post_id = p.id and not c.hidden) as comments,
                   (select string_agg(r.reaction || ':' || r.n, ',') from (select x.reaction, count(*) as n
                        from {h-schema}reaction x where x.target_kind = 'post' and x.target_id = p.id group by x.reaction) r),
                   (select m.reaction from {h-schema}reaction m
                        where m.target_kind = 'post' and m.target_id = p.id and m.user_id = :viewer)%s
            from (%s) p join {h-schema}app_user a on a.id = p.author_id
            order by %s""";
    static final String NEWEST_FIRST = "p.created_at desc, p.id desc";

    private final EntityManager em;
    private final ObjectMapper json;

    PostReader(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The post if the viewer may read it. */
    public Optional<PostView> one(Viewer viewer, UUID id) {
        List<PostView> found = run(oneInner(), Map.of("id", id), viewer, 1);
        return found.stream().findFirst();
    }

    /** The inner query of {@link #one}: the post {@code :id} if the viewer may read it. */
    static String oneInner() {
        return "select " + POST_COLUMNS + " from {h-schema}post p join {h-schema}app_user a on a.id = p.author_id"
                + " where p.id = :id and " + Sees.POST;
    }

    /** The whole statement over {@code inner} (public so that the benchmark can EXPLAIN what the service runs). */
    public static String statement(String inner, String extra, String order) {
        return PROJECTION.formatted(extra, inner, order);
    }

    /** The statement {@link #one} runs. */
    public static String oneStatement() {
        return statement(oneInner(), "", NEWEST_FIRST);
    }

    /**
     * A page of posts, newest first.
     *
     * @param inner a query over {@code post p} selecting {@link #POST_COLUMNS}, ordered newest first, ending in
     *              {@code limit :limit}; it may use {@code :viewer} and {@code :moderator}
     */
    Slice<PostView> page(String inner, Map<String, Object> params, Viewer viewer, int limit) {
        List<PostView> items = new ArrayList<>(run(inner, params, viewer, limit + 1));
        KeysetCursor next = null;
        if (items.size() > limit) {
            items.remove(limit);
            PostView last = items.get(limit - 1);
            next = new KeysetCursor(last.createdAt(), last.id());
        }
        return new Slice<>(items, next);
    }

    /** The keyset condition on (time, id) columns, or nothing on the first page. */
    static String after(KeysetCursor cursor, String timeColumn, String idColumn) {
        return after(cursor != null, timeColumn, idColumn);
    }

    static String after(boolean paged, String timeColumn, String idColumn) {
        return paged ? " and (" + timeColumn + ", " + idColumn + ") < (:afterAt, :afterId)" : "";
    }

    static void bindAfter(Map<String, Object> params, KeysetCursor cursor) {
        if (cursor != null) {
            params.put("afterAt", cursor.at());
            params.put("afterId", cursor.id());
        }
    }

    private List<PostView> run(String inner, Map<String, Object> params, Viewer viewer, int limit) {
        return rows(inner, "", NEWEST_FIRST, params, viewer, limit).stream()
                .map(this::view)
                .toList();
    }

    /**
     * The rows of {@link #PROJECTION} over {@code inner}, in {@code order}, with {@code extra} columns after the
     * post's (from index 14 on).
     */
    @SuppressWarnings("unchecked")
    List<Object[]> rows(
            String inner, String extra, String order, Map<String, Object> params, Viewer viewer, int limit) {
        Query query = em.createNativeQuery(statement(inner, extra, order)).setParameter("viewer", viewer.sqlId());
        if (inner.contains(":moderator")) {
            query.setParameter("moderator", viewer.moderator());
        }
        if (inner.contains(":limit")) {
            query.setParameter("limit", limit);
        }
        params.forEach(query::setParameter);
        return (List<Object[]>) query.getResultList();
    }

    PostView view(Object[] r) {
        return new PostView(
                Rows.uuid(r[0]),
                new PostView.Author(Rows.uuid(r[1]), (String) r[2]),
                (String) r[3],
                (String) r[4],
                (String) r[5],
                entities((String) r[6]),
                Rows.instant(r[7]),
                Rows.instant(r[8]),
                (int) Rows.number(r[9]),
                new PostView.Counts(Rows.number(r[11]), reactions((String) r[12])),
                (String) r[13],
                (Boolean) r[10]);
    }

    Entities entities(String raw) {
        try {
            return raw == null ? Entities.NONE : json.readValue(raw, Entities.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored entities are not readable", e);
        }
    }

    /** "like:3,wow:1" → every kind with its count. */
    static Map<String, Long> reactions(String raw) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Reaction.ALL.forEach(r -> counts.put(r.wire(), 0L));
        if (raw != null) {
            for (String pair : raw.split(",")) {
                int colon = pair.indexOf(':');
                counts.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
            }
        }
        return counts;
    }
}
