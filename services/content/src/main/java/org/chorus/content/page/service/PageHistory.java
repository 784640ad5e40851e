package org.chorus.content.page.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.chorus.content.page.Page;
import org.chorus.content.page.PageVersion;

/** Reading a page's versions: newest first, each one lookup of the primary key (page_id, number). */
@ApplicationScoped
public class PageHistory {

    private final EntityManager em;

    PageHistory(EntityManager em) {
        this.em = em;
    }

    /** The versions below {@code before} (all when null), newest first; empty when there is no such page. */
    @Transactional
    public Optional<Slice<PageVersionSummary>> list(UUID pageId, Integer before, int limit) {
        if (em.find(Page.class, pageId) == null) {
            return Optional.empty();
        }
        TypedQuery<PageVersionSummary> query = em.createQuery(
                        "select new " + PageVersionSummary.class.getName()
                                + "(v.number, v.name, v.title, v.url, v.language, v.sortIndex, v.place, length(v.description),"
                                + " v.savedAt, v.savedBy) from PageVersion v where v.pageId = :pageId"
                                + (before != null ? " and v.number < :before" : "") + " order by v.number desc",
                        PageVersionSummary.class)
                .setParameter("pageId", pageId)
                .setMaxResults(limit + 1);
        if (before != null) {
            query.setParameter("before", before);
        }
        return Optional.of(Slice.of(query.getResultList(), limit));
    }

    @Transactional
    public Optional<PageVersionView> find(UUID pageId, int number) {
        return Optional.ofNullable(em.find(PageVersion.class, new PageVersion.Key(pageId, number)))
                .map(v -> new PageVersionView(
                        v.pageId,
                        v.number,
                        v.name,
                        v.title,
                        v.url,
                        v.description,
                        v.language,
                        v.sortIndex,
                        v.place,
                        v.savedAt,
                        v.savedBy));
    }
}
