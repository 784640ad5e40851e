package org.chorus.content.page.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.chorus.content.page.PagePlace;

/**
 * Page search. Full text over name (weight A), title (B) and description (D), each page's words read in the
 * text-search configuration of its language (V50's page_search_config: english for "en", ... simple for none),
 * so that "singing" finds "sings" on an English page; plus pg_trgm word similarity on name, title and
 * description, so that a partial word ("choru") finds "chorus". The score adds the full-text rank to the best
 * similarity (a hit in the description counting half), best first; ties go by id, so pages never overlap.
 */
@ApplicationScoped
public class PageSearch {

    /** Where the next page of hits starts: after (score, id) in (score desc, id asc) order. */
    public record After(float score, UUID id) {}

    private static final String HITS = """
            select id, name, title, url, language, sort_index, place, score from (
                select p.id, p.name, p.title, p.url, p.language, p.sort_index, p.place,
                       cast(ts_rank(p.search, q.query)
                            + greatest(word_similarity(:q, p.name), word_similarity(:q, coalesce(p.title, '')),
                                       word_similarity(:q, p.description) / 2) as real) as score
                from {h-schema}page p, (select {h-schema}page_search_query(:q) as query) q
                where p.search @@ q.query or :q <% p.name or :q <% p.title or :q <% p.description
            ) hits
            """;

    private final EntityManager em;

    PageSearch(EntityManager em) {
        this.em = em;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Slice<PageHit> search(String q, After after, int limit) {
        Query query = em.createNativeQuery(HITS
                        + (after != null ? " where score < :afterScore or (score = :afterScore and id > :afterId)" : "")
                        + " order by score desc, id")
                .setParameter("q", q)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("afterScore", after.score()).setParameter("afterId", after.id());
        }
        List<PageHit> hits = ((List<Object[]>) query.getResultList())
                .stream()
                        .map(row -> new PageHit(
                                (UUID) row[0],
                                (String) row[1],
                                (String) row[2],
                                (String) row[3],
                                (String) row[4],
                                ((Number) row[5]).intValue(),
                                PagePlace.of((String) row[6]).orElseThrow(),
                                ((Number) row[7]).floatValue()))
                        .toList();
        return Slice.of(hits, limit);
    }
}
