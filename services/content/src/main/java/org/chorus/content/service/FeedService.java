package org.chorus.content.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;

/**
 * The timelines, newest first, keyset-paginated on (created_at, id). Fan-out on read: the home feed is one
 * statement that walks the index {@code post(author_id, created_at desc, id desc)} once per friend (a lateral
 * join bounded by the page size, index-only) and merges the results, so a page costs at most (friends + 1) ×
 * (limit + 1) index entries and limit + 1 post rows however many posts exist.
 */
@ApplicationScoped
public class FeedService {

    /** A profile's totals: posts the viewer may read, comments not hidden. */
    public record Counts(long posts, long comments) {}

    private static final String FROM_POST = "{h-schema}post p join {h-schema}app_user a on a.id = p.author_id";

    private final PostReader reader;
    private final EntityManager em;

    FeedService(PostReader reader, EntityManager em) {
        this.reader = reader;
        this.em = em;
    }

    /** My posts and my friends' posts I may read, without those of people I muted. */
    @Transactional
    public Slice<PostView> home(Viewer viewer, KeysetCursor after, int limit) {
        return reader.page(homeInner(after != null), cursor(after), viewer, limit);
    }

    /**
     * The home feed's page query; {@code paged}: after a cursor. The rules that depend on the author alone (a block
     * either way, a mute, a suspension; friendship is given, as the authors are my friends) are applied once per
     * author in {@code who}, not once per post; what depends on the post (hidden, private) is read from the index
     * {@code post_author_time}, which includes those columns, so each author's slice is an index-only scan of at
     * most {@code limit} entries; only the page's posts are then read from the table. For authors who are the viewer
     * or the viewer's friends this is exactly {@link Sees#POST} (FeedResourceTest and BlockedEverywhereTest hold it to
     * that); keep the two in step.
     */
    static String homeInner(boolean paged) {
        return """
                select %s from (
                    select k.id from (
                        select cast(:viewer as uuid) as uid
                        union all
                        select f.friend_id from {h-schema}friendship f join {h-schema}app_user a on a.id = f.friend_id
                        where f.user_id = :viewer and f.active and not a.suspended and not %s) who
                    cross join lateral (
                        select p.id, p.created_at from {h-schema}post p
                        where p.author_id = who.uid
                          and (who.uid = :viewer or ((not p.hidden or :moderator) and p.visibility <> 'private')) %s
                        order by p.created_at desc, p.id desc limit :limit) k
                    where not %s
                    order by k.created_at desc, k.id desc limit :limit) top
                join {h-schema}post p on p.id = top.id""".formatted(
                        PostReader.POST_COLUMNS,
                        Sees.blockWith("f.friend_id"),
                        PostReader.after(paged, "p.created_at", "p.id"),
                        Sees.muted("who.uid"));
    }

    /** The statement of the home feed, as the service runs it (for the benchmark's EXPLAIN). */
    public static String homeStatement(boolean paged) {
        return PostReader.statement(homeInner(paged), "", PostReader.NEWEST_FIRST);
    }

    /** Every public post, without those of people the viewer muted or a block separates from them. */
    @Transactional
    public Slice<PostView> everyone(Viewer viewer, KeysetCursor after, int limit) {
        return reader.page(everyoneInner(after != null), cursor(after), viewer, limit);
    }

    static String everyoneInner(boolean paged) {
        return """
                select %s from %s
                where p.visibility = 'public' and not p.hidden and not a.suspended and not %s and not %s %s
                order by p.created_at desc, p.id desc limit :limit""".formatted(
                        PostReader.POST_COLUMNS,
                        FROM_POST,
                        Sees.blockWith("p.author_id"),
                        Sees.muted("p.author_id"),
                        PostReader.after(paged, "p.created_at", "p.id"));
    }

    /** The statement of the public timeline, as the service runs it (for the benchmark's EXPLAIN). */
    public static String everyoneStatement(boolean paged) {
        return PostReader.statement(everyoneInner(paged), "", PostReader.NEWEST_FIRST);
    }

    /** The posts with one hashtag that the viewer may read. */
    @Transactional
    public Slice<PostView> tag(Viewer viewer, String tag, KeysetCursor after, int limit) {
        String inner = """
                select %s from {h-schema}post_tag t join %s on p.id = t.post_id
                where t.tag = :tag and %s and not %s %s
                order by t.created_at desc, t.post_id desc limit :limit""".formatted(
                        PostReader.POST_COLUMNS,
                        FROM_POST,
                        Sees.POST,
                        Sees.muted("p.author_id"),
                        PostReader.after(after, "t.created_at", "t.post_id"));
        Map<String, Object> params = cursor(after);
        params.put("tag", tag);
        return reader.page(inner, params, viewer, limit);
    }

    /** A profile's posts that the viewer may read (a mute does not hide a profile one opens on purpose). */
    @Transactional
    public Slice<PostView> user(Viewer viewer, UUID userId, KeysetCursor after, int limit) {
        requireVisible(viewer, userId);
        String inner = """
                select %s from %s where p.author_id = :author and %s %s
                order by p.created_at desc, p.id desc limit :limit""".formatted(
                        PostReader.POST_COLUMNS, FROM_POST, Sees.POST, PostReader.after(after, "p.created_at", "p.id"));
        Map<String, Object> params = cursor(after);
        params.put("author", userId);
        return reader.page(inner, params, viewer, limit);
    }

    @Transactional
    public Counts counts(Viewer viewer, UUID userId) {
        requireVisible(viewer, userId);
        Number posts = (Number) em.createNativeQuery(
                        "select count(*) from " + FROM_POST + " where p.author_id = :author and " + Sees.POST)
                .setParameter("author", userId)
                .setParameter("viewer", viewer.sqlId())
                .setParameter("moderator", viewer.moderator())
                .getSingleResult();
        Number comments = (Number) em.createNativeQuery(
                        "select count(*) from {h-schema}comment where author_id = :author and (not hidden or author_id = :viewer)")
                .setParameter("author", userId)
                .setParameter("viewer", viewer.sqlId())
                .getSingleResult();
        return new Counts(posts.longValue(), comments.longValue());
    }

    /** A user the viewer may not know of (unknown, erased, suspended, blocked either way) is a 404. */
    @SuppressWarnings("unchecked")
    private void requireVisible(Viewer viewer, UUID userId) {
        List<Object> found = em.createNativeQuery("select 1 from {h-schema}app_user u where u.id = :user"
                        + " and (u.id = :viewer or (not u.suspended and not " + Sees.blockWith("u.id") + "))")
                .setParameter("user", userId)
                .setParameter("viewer", viewer.sqlId())
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("User");
        }
    }

    private static Map<String, Object> cursor(KeysetCursor after) {
        Map<String, Object> params = new HashMap<>();
        PostReader.bindAfter(params, after);
        return params;
    }
}
