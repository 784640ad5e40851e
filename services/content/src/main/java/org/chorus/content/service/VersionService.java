package org.chorus.content.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.web.KeysetCursor;
import org.chorus.web.ProblemException;
import org.chorus.web.Slice;

/**
 * A post's version history, for whoever may read the post. The list is keyed by version number, newest first;
 * its cursor carries the number as the keyset's time (seconds since the epoch) and the version's id.
 */
@ApplicationScoped
public class VersionService {

    private final EntityManager em;
    private final PostReader posts;

    VersionService(EntityManager em, PostReader posts) {
        this.em = em;
        this.posts = posts;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Slice<VersionView> list(Viewer viewer, UUID postId, KeysetCursor after, int limit) {
        posts.one(viewer, postId).orElseThrow(() -> ProblemException.notFound("Post"));
        Query query = em.createNativeQuery("select number, text, visibility, language, edited_by, edited_at, id"
                        + " from {h-schema}post_version where post_id = :post"
                        + (after == null ? "" : " and (number, id) < (:number, :id)")
                        + " order by number desc, id desc")
                .setParameter("post", postId)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("number", (int) Math.min(after.at().getEpochSecond(), Integer.MAX_VALUE))
                    .setParameter("id", after.id());
        }
        List<Object[]> rows = new ArrayList<>(query.getResultList());
        KeysetCursor next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            Object[] last = rows.get(limit - 1);
            next = new KeysetCursor(Instant.ofEpochSecond(Rows.number(last[0])), Rows.uuid(last[6]));
        }
        return new Slice<>(rows.stream().map(VersionService::view).toList(), next);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public VersionView one(Viewer viewer, UUID postId, int number) {
        posts.one(viewer, postId).orElseThrow(() -> ProblemException.notFound("Post"));
        List<Object[]> rows = em.createNativeQuery("select number, text, visibility, language, edited_by, edited_at, id"
                        + " from {h-schema}post_version where post_id = :post and number = :number")
                .setParameter("post", postId)
                .setParameter("number", number)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(VersionService::view)
                .orElseThrow(() -> ProblemException.notFound("Version"));
    }

    private static VersionView view(Object[] r) {
        return new VersionView(
                (int) Rows.number(r[0]),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                Rows.uuid(r[4]),
                Rows.instant(r[5]));
    }
}
