package org.chorus.users.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.web.RankedCursor;

/**
 * People search: trigram similarity (pg_trgm, GIN-indexed) on username and display name, plus
 * prefix matches so that short queries find something. Ranked by score, then id; never shows the
 * caller, a suspended profile, anyone a block separates from the caller, or anyone the caller muted.
 */
@ApplicationScoped
public class SearchService {

    /** One hit and its rank; the score is part of the keyset of the next page. */
    public record Hit(UUID id, String username, String displayName, String avatarUrl, float score) {}

    public record Result(List<Hit> items, RankedCursor next) {}

    private final EntityManager em;

    SearchService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    /** {@code after}: where the next page starts, in (score desc, id asc) order. */
    public Result search(UUID caller, String q, RankedCursor after, int limit) {
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        Query query = em.createNativeQuery("""
                        select id, username, display_name, score from (
                            select p.id, p.username, p.display_name,
                                   greatest(similarity(p.username, :q), similarity(coalesce(p.display_name, ''), :q),
                                            case when p.username like :prefix escape '\\' then 0.5 else 0 end) as score
                            from profile p
                            where (p.username % :q or p.display_name % :q
                                   or p.username like :prefix escape '\\' or lower(p.display_name) like :prefix escape '\\')
                              and not p.hidden and p.id <> :me
                              and not exists (select 1 from user_block b
                                              where (b.blocker_id = :me and b.blocked_id = p.id)
                                                 or (b.blocker_id = p.id and b.blocked_id = :me))
                              and not exists (select 1 from user_mute m where m.muter_id = :me and m.muted_id = p.id)
                        ) hits
                        """
                        + (after != null
                                ? " where (score < :afterScore or (score = :afterScore and id > :afterId))"
                                : "")
                        + " order by score desc, id")
                .setParameter("q", needle)
                .setParameter("prefix", escapeLike(needle) + "%")
                .setParameter("me", caller)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("afterScore", after.score()).setParameter("afterId", after.id());
        }
        List<Hit> hits = new ArrayList<>(((List<Object[]>) query.getResultList())
                .stream()
                        .map(r -> {
                            UUID id = Rows.uuid(r[0]);
                            return new Hit(
                                    id,
                                    (String) r[1],
                                    (String) r[2],
                                    UserCard.avatarUrl(id),
                                    ((Number) r[3]).floatValue());
                        })
                        .toList());
        RankedCursor next = null;
        if (hits.size() > limit) {
            hits.remove(limit);
            Hit last = hits.get(limit - 1);
            next = new RankedCursor(last.score(), last.id());
        }
        return new Result(hits, next);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
