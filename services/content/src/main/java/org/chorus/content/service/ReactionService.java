package org.chorus.content.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.content.TargetKind;
import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;

/** One reaction per user per post or comment, for whoever may read the item: set, change, remove, list. */
@ApplicationScoped
public class ReactionService {

    /** One person who reacted, newest first. */
    public record Reactor(PostView.Author user, String reaction, Instant reactedAt) {}

    /** The viewer's reaction after a change, and the item's counts per kind. */
    public record Mine(String reaction, Map<String, Long> reactions) {}

    private record Target(UUID postId, UUID commentId, UUID authorId) {}

    private final EntityManager em;
    private final PostReader posts;
    private final CommentService comments;
    private final PostService postService;
    private final ContentEvents events;

    ReactionService(
            EntityManager em,
            PostReader posts,
            CommentService comments,
            PostService postService,
            ContentEvents events) {
        this.em = em;
        this.posts = posts;
        this.comments = comments;
        this.postService = postService;
        this.events = events;
    }

    /** Sets or changes the viewer's reaction; reaction-added is published when it is new or different. */
    @Transactional
    public Mine set(Viewer viewer, String kind, UUID id, String reaction) {
        Target target = target(viewer, kind, id);
        postService.knowAuthor(viewer);
        Instant now = Now.micros();
        int changed = em.createNativeQuery("""
                        insert into {h-schema}reaction (target_kind, target_id, post_id, comment_id, user_id, reaction, reacted_at)
                        values (:kind, :id, :post, cast(cast(:comment as text) as uuid), :user, :reaction, :now)
                        on conflict (target_kind, target_id, user_id) do update
                        set reaction = excluded.reaction, reacted_at = excluded.reacted_at
                        where reaction.reaction <> excluded.reaction""")
                .setParameter("kind", kind)
                .setParameter("id", id)
                .setParameter("post", target.postId())
                .setParameter(
                        "comment",
                        target.commentId() == null ? null : target.commentId().toString())
                .setParameter("user", viewer.id())
                .setParameter("reaction", reaction)
                .setParameter("now", now)
                .executeUpdate();
        if (changed == 1) {
            events.reactionAdded(kind, id, target.postId(), target.authorId(), viewer.id(), reaction, now);
        }
        return new Mine(reaction, counts(kind, id));
    }

    /** Removes the viewer's reaction; removing none is no error (the end state is the same). */
    @Transactional
    public void remove(Viewer viewer, String kind, UUID id) {
        target(viewer, kind, id);
        em.createNativeQuery(
                        "delete from {h-schema}reaction where target_kind = :kind and target_id = :id and user_id = :user")
                .setParameter("kind", kind)
                .setParameter("id", id)
                .setParameter("user", viewer.id())
                .executeUpdate();
    }

    /** Who reacted (optionally only with one kind), newest first; never someone a block separates from the viewer. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Slice<Reactor> list(Viewer viewer, String kind, UUID id, String reaction, KeysetCursor after, int limit) {
        target(viewer, kind, id);
        Query query = em.createNativeQuery("""
                        select r.user_id, u.username, r.reaction, r.reacted_at from {h-schema}reaction r
                        join {h-schema}app_user u on u.id = r.user_id
                        where r.target_kind = :kind and r.target_id = :id and not u.suspended and not %s
                        """.formatted(Sees.blockWith("r.user_id"))
                        + (reaction == null ? "" : " and r.reaction = :reaction")
                        + (after == null ? "" : " and (r.reacted_at, r.user_id) < (:afterAt, :afterId)")
                        + " order by r.reacted_at desc, r.user_id desc")
                .setParameter("kind", kind)
                .setParameter("id", id)
                .setParameter("viewer", viewer.sqlId())
                .setMaxResults(limit + 1);
        if (reaction != null) {
            query.setParameter("reaction", reaction);
        }
        if (after != null) {
            query.setParameter("afterAt", after.at()).setParameter("afterId", after.id());
        }
        List<Reactor> items = new ArrayList<>(((List<Object[]>) query.getResultList())
                .stream()
                        .map(r -> new Reactor(
                                new PostView.Author(Rows.uuid(r[0]), (String) r[1]), (String) r[2], Rows.instant(r[3])))
                        .toList());
        KeysetCursor next = null;
        if (items.size() > limit) {
            items.remove(limit);
            Reactor last = items.get(limit - 1);
            next = new KeysetCursor(last.reactedAt(), last.user().id());
        }
        return new Slice<>(items, next);
    }

    private Map<String, Long> counts(String kind, UUID id) {
        Object raw = em.createNativeQuery("""
                        select string_agg(x.reaction || ':' || x.n, ',') from (select reaction, count(*) as n
                        from {h-schema}reaction where target_kind = :kind and target_id = :id group by reaction) x""")
                .setParameter("kind", kind)
                .setParameter("id", id)
                .getSingleResult();
        return PostReader.reactions((String) raw);
    }

    /** The item, if the viewer may read it (404 otherwise, as if it did not exist). */
    private Target target(Viewer viewer, String kind, UUID id) {
        if (TargetKind.POST.equals(kind)) {
            PostView post = posts.one(viewer, id).orElseThrow(() -> ProblemException.notFound("Post"));
            return new Target(post.id(), null, post.author().id());
        }
        CommentView comment = comments.one(viewer, id).orElseThrow(() -> ProblemException.notFound("Comment"));
        return new Target(comment.postId(), comment.id(), comment.author().id());
    }
}
