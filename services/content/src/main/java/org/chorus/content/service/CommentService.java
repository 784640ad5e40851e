package org.chorus.content.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.content.Entities;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;

/**
 * Comments on posts, one level of threading, oldest first. A comment is readable when its post is and the
 * comment itself is (not hidden, author not suspended, no block between its author and the reader). The
 * author edits and deletes it; the post's author may delete it too.
 */
@ApplicationScoped
public class CommentService {

    private static final String SELECT = """
            select c.id, c.post_id, c.parent_id, c.author_id, ca.username, c.text, c.created_at, c.edited_at, c.hidden,
                   (select count(*) from {h-schema}comment r where r.parent_id = c.id and not r.hidden),
                   (select string_agg(x.reaction || ':' || x.n, ',') from (select y.reaction, count(*) as n
                        from {h-schema}reaction y where y.target_kind = 'comment' and y.target_id = c.id group by y.reaction) x),
                   (select m.reaction from {h-schema}reaction m
                        where m.target_kind = 'comment' and m.target_id = c.id and m.user_id = :viewer)
            from {h-schema}comment c join {h-schema}app_user ca on ca.id = c.author_id
            """;

    private static final String TOP_LEVEL = "c.post_id = :parent and c.parent_id is null";

    private final EntityManager em;
    private final PostReader posts;
    private final PostService postService;
    private final Mentions mentions;
    private final ContentEvents events;

    CommentService(
            EntityManager em, PostReader posts, PostService postService, Mentions mentions, ContentEvents events) {
        this.em = em;
        this.posts = posts;
        this.postService = postService;
        this.mentions = mentions;
        this.events = events;
    }

    /** The comment, if the viewer may read it and its post. */
    public Optional<CommentView> one(Viewer viewer, UUID id) {
        String sql =
                SELECT + " join {h-schema}post p on p.id = c.post_id join {h-schema}app_user a on a.id = p.author_id"
                        + " where c.id = :id and " + Sees.POST + " and " + Sees.COMMENT;
        return run(sql, Map.of("id", id), viewer, 1).stream().findFirst();
    }

    @Transactional
    public Slice<CommentView> topLevel(Viewer viewer, UUID postId, KeysetCursor after, int limit) {
        posts.one(viewer, postId).orElseThrow(() -> ProblemException.notFound("Post"));
        return page(viewer, TOP_LEVEL, postId, after, limit);
    }

    @Transactional
    public Slice<CommentView> replies(Viewer viewer, UUID commentId, KeysetCursor after, int limit) {
        one(viewer, commentId).orElseThrow(() -> ProblemException.notFound("Comment"));
        return page(viewer, "c.parent_id = :parent", commentId, after, limit);
    }

    @Transactional
    public CommentView create(Viewer viewer, UUID postId, String text, UUID parentId) {
        PostView post = posts.one(viewer, postId).orElseThrow(() -> ProblemException.notFound("Post"));
        postService.knowAuthor(viewer);
        UUID parentAuthor = null;
        if (parentId != null) {
            CommentView parent = one(viewer, parentId)
                    .filter(p -> p.postId().equals(postId))
                    .orElseThrow(() -> new ProblemException(
                            422, "invalid-parent", "Unprocessable request", "parentId must be a comment of this post"));
            if (parent.parentId() != null) {
                throw new ProblemException(
                        422,
                        "invalid-parent",
                        "Unprocessable request",
                        "Replies to replies are not allowed: reply to the top-level comment");
            }
            parentAuthor = parent.author().id();
        }
        UUID id = UUID.randomUUID();
        var now = Now.micros();
        em.createNativeQuery("""
                        insert into {h-schema}comment (id, post_id, parent_id, author_id, text, created_at)
                        values (:id, :post, cast(cast(:parent as text) as uuid), :author, :text, :now)""")
                .setParameter("id", id)
                .setParameter("post", postId)
                .setParameter("parent", parentId == null ? null : parentId.toString())
                .setParameter("author", viewer.id())
                .setParameter("text", text)
                .setParameter("now", now)
                .executeUpdate();
        events.commentCreated(id, postId, post.author().id(), viewer.id(), parentId, parentAuthor, text, now);
        Set<UUID> told = new HashSet<>(Set.of(viewer.id()));
        for (Entities.Mention m : mentions.of(text).mentions()) {
            if (told.add(m.userId())
                    && posts.one(new Viewer(m.userId(), m.username(), false), postId)
                            .isPresent()) {
                events.mentionCreated(postId, id, viewer.id(), m.userId(), now);
            }
        }
        return one(viewer, id).orElseThrow();
    }

    @Transactional
    public CommentView edit(Viewer viewer, UUID id, String text) {
        CommentView current = one(viewer, id).orElseThrow(() -> ProblemException.notFound("Comment"));
        PostService.requireAuthor(viewer, current.author().id(), "edit");
        if (!text.equals(current.text())) {
            em.createNativeQuery("update {h-schema}comment set text = :text, edited_at = :now where id = :id")
                    .setParameter("text", text)
                    .setParameter("now", Now.micros())
                    .setParameter("id", id)
                    .executeUpdate();
        }
        return one(viewer, id).orElseThrow();
    }

    /** By its author or by the author of the post it is under; its replies and reactions go with it. */
    @Transactional
    public void delete(Viewer viewer, UUID id) {
        CommentView current = one(viewer, id).orElseThrow(() -> ProblemException.notFound("Comment"));
        UUID postAuthor = Rows.uuid(em.createNativeQuery("select author_id from {h-schema}post where id = :id")
                .setParameter("id", current.postId())
                .getSingleResult());
        if (!viewer.id().equals(current.author().id()) && !viewer.id().equals(postAuthor)) {
            throw new ProblemException(
                    403, "not-author", "Forbidden", "Only the comment's author or the post's author may delete it");
        }
        em.createNativeQuery("delete from {h-schema}comment where id = :id")
                .setParameter("id", id)
                .executeUpdate();
        events.commentDeleted(id, current.postId(), current.author().id(), viewer.id(), Now.micros());
    }

    private Slice<CommentView> page(Viewer viewer, String where, UUID parent, KeysetCursor after, int limit) {
        // the post is readable (checked by the caller): only the comments' own rules remain
        String sql = pageSql(where, after != null);
        Map<String, Object> params = new HashMap<>(Map.of("parent", parent));
        PostReader.bindAfter(params, after);
        List<CommentView> items = new ArrayList<>(run(sql, params, viewer, limit + 1));
        KeysetCursor next = null;
        if (items.size() > limit) {
            items.remove(limit);
            CommentView last = items.get(limit - 1);
            next = new KeysetCursor(last.createdAt(), last.id());
        }
        return new Slice<>(items, next);
    }

    private static String pageSql(String where, boolean paged) {
        return SELECT + " where " + where + " and " + Sees.COMMENT
                + (paged ? " and (c.created_at, c.id) > (:afterAt, :afterId)" : "")
                + " order by c.created_at, c.id";
    }

    /** The statement of a post's top-level comments, as the service runs it (for the benchmark's EXPLAIN). */
    public static String topLevelStatement(boolean paged) {
        return pageSql(TOP_LEVEL, paged);
    }

    @SuppressWarnings("unchecked")
    private List<CommentView> run(String sql, Map<String, Object> params, Viewer viewer, int limit) {
        Query query = em.createNativeQuery(sql)
                .setParameter("viewer", viewer.sqlId())
                .setParameter("moderator", viewer.moderator())
                .setMaxResults(limit);
        params.forEach(query::setParameter);
        return ((List<Object[]>) query.getResultList())
                .stream()
                        .map(r -> new CommentView(
                                Rows.uuid(r[0]),
                                Rows.uuid(r[1]),
                                Rows.uuid(r[2]),
                                new PostView.Author(Rows.uuid(r[3]), (String) r[4]),
                                (String) r[5],
                                Rows.instant(r[6]),
                                Rows.instant(r[7]),
                                r[2] == null ? Rows.number(r[9]) : 0,
                                PostReader.reactions((String) r[10]),
                                (String) r[11],
                                (Boolean) r[8]))
                        .toList();
    }
}
