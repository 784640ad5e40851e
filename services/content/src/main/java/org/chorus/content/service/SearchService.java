package org.chorus.content.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.web.RankedCursor;

/**
 * Post search: PostgreSQL full text (the post's language configuration, stemmed, and 'simple' for exact words;
 * GIN index {@code post_search}) or trigram word similarity for partial words (GIN {@code post_text_trgm}), ranked
 * by the sum of both scores; only posts the viewer may read, without muted authors. Tag search: hashtags by prefix
 * with the number of public posts that carry them.
 */
@ApplicationScoped
public class SearchService {

    /** One hit: the post and its score, which is part of the next page's keyset. */
    public record Hit(PostView post, float score) {}

    public record Result(List<PostView> items, RankedCursor next) {}

    public record TagCount(String tag, long posts) {}

    private final PostReader reader;
    private final EntityManager em;

    SearchService(PostReader reader, EntityManager em) {
        this.reader = reader;
        this.em = em;
    }

    /** @param language the query's language (BCP-47-ish), for stemming; null: English */
    @Transactional
    public Result posts(Viewer viewer, String q, String language, RankedCursor after, int limit) {
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        String inner = postsInner(after != null);
        Map<String, Object> params = new HashMap<>();
        params.put("q", needle);
        params.put("language", language == null ? "en" : language);
        if (after != null) {
            params.put("afterScore", after.score());
            params.put("afterId", after.id());
        }
        List<Object[]> rows =
                new ArrayList<>(reader.rows(inner, ", p.score", "p.score desc, p.id desc", params, viewer, limit + 1));
        RankedCursor next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            Object[] last = rows.get(limit - 1);
            next = new RankedCursor(((Number) last[14]).floatValue(), Rows.uuid(last[0]));
        }
        return new Result(rows.stream().map(reader::view).toList(), next);
    }

    /** The page query of a post search; {@code paged}: after a cursor (score, id). */
    static String postsInner(boolean paged) {
        return """
                select * from (
                    select %s, cast(ts_rank(p.search, q.tsq) + word_similarity(:q, lower(p.text)) as real) as score
                    from {h-schema}post p join {h-schema}app_user a on a.id = p.author_id,
                         (select websearch_to_tsquery('simple', :q)
                                 || websearch_to_tsquery({h-schema}post_search_config(cast(:language as text)), :q) as tsq) q
                    where (p.search @@ q.tsq or :q <%% lower(p.text)) and %s and not %s
                ) hits %s
                order by score desc, id desc limit :limit""".formatted(
                        PostReader.POST_COLUMNS,
                        Sees.POST,
                        Sees.muted("p.author_id"),
                        paged ? "where (score < :afterScore or (score = :afterScore and id < :afterId))" : "");
    }

    /** The statement of a post search, as the service runs it (for the benchmark's EXPLAIN). */
    public static String postsStatement(boolean paged) {
        return PostReader.statement(postsInner(paged), ", p.score", "p.score desc, p.id desc");
    }

    /** Hashtags starting with the prefix, most used first; counts are of public posts anyone may read. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<TagCount> tags(String prefix, int limit) {
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<Object[]> rows = em.createNativeQuery("""
                        select t.tag, count(*) from {h-schema}post_tag t join {h-schema}post p on p.id = t.post_id
                        join {h-schema}app_user a on a.id = p.author_id
                        where t.tag like :prefix escape '\\' and p.visibility = 'public' and not p.hidden and not a.suspended
                        group by t.tag order by count(*) desc, t.tag""")
                .setParameter("prefix", escaped + "%")
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> new TagCount((String) r[0], Rows.number(r[1])))
                .toList();
    }
}
