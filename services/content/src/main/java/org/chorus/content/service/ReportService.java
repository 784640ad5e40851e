package org.chorus.content.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.content.TargetKind;
import org.chorus.web.ProblemException;

/**
 * Reports of posts, comments and users. Only what the reporter may see can be reported (404 otherwise, as if it
 * did not exist); content-reported carries a snapshot of the reported text, so moderators see what was reported
 * even after an edit or deletion.
 */
@ApplicationScoped
public class ReportService {

    private final EntityManager em;
    private final PostReader posts;
    private final CommentService comments;
    private final ContentEvents events;

    ReportService(EntityManager em, PostReader posts, CommentService comments, ContentEvents events) {
        this.em = em;
        this.posts = posts;
        this.comments = comments;
        this.events = events;
    }

    @Transactional
    public UUID report(Viewer reporter, String kind, UUID targetId, String reason, String comment) {
        UUID author;
        String snapshot;
        switch (kind) {
            case TargetKind.POST -> {
                PostView post = posts.one(reporter, targetId).orElseThrow(() -> ProblemException.notFound("Post"));
                author = post.author().id();
                snapshot = post.text();
            }
            case TargetKind.COMMENT -> {
                CommentView c = comments.one(reporter, targetId).orElseThrow(() -> ProblemException.notFound("Comment"));
                author = c.author().id();
                snapshot = c.text();
            }
            default -> {
                // a user report has no text to keep (the contract: snapshot absent); the user must be visible
                requireVisibleUser(reporter, targetId);
                author = targetId;
                snapshot = null;
            }
        }
        if (author.equals(reporter.id())) {
            throw new ProblemException(422, "own-content", "Unprocessable request", "You cannot report yourself");
        }
        UUID id = UUID.randomUUID();
        Instant now = Now.micros();
        em.createNativeQuery("""
                        insert into {h-schema}report (id, reporter_id, target_kind, target_id, reason, comment, created_at)
                        values (:id, :reporter, :kind, :target, :reason, cast(:comment as text), :now)""")
                .setParameter("id", id).setParameter("reporter", reporter.id()).setParameter("kind", kind)
                .setParameter("target", targetId).setParameter("reason", reason).setParameter("comment", comment)
                .setParameter("now", now).executeUpdate();
        events.contentReported(id, kind, targetId, author, reporter.id(), reason, comment, snapshot, now);
        return id;
    }

    /** A reported user must exist for the reporter: not erased, suspended, or blocked either way. */
    @SuppressWarnings("unchecked")
    private void requireVisibleUser(Viewer reporter, UUID userId) {
        List<Object> found = em.createNativeQuery("select u.id from {h-schema}app_user u where u.id = :user"
                        + " and not u.suspended and not " + Sees.blockWith("u.id"))
                .setParameter("user", userId).setParameter("viewer", reporter.sqlId()).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("User");
        }
    }
}
