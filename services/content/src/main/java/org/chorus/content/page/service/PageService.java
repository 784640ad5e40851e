package org.chorus.content.page.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.chorus.content.page.Page;
import org.chorus.content.page.PageContent;
import org.chorus.content.page.PagePlace;
import org.chorus.content.page.PageVersion;
import org.chorus.web.ProblemException;

/**
 * Pages and their writes. Every save — create, patch, restore — makes the page's next version, a full copy of
 * the page, in the same transaction. A save first locks the page row, so saves of one page are serialised and
 * their version numbers consecutive; the version table's primary key refuses a duplicate number all the same.
 */
@ApplicationScoped
public class PageService {

    /** Where the next page of {@link #list} starts: after this (index, name, id) in that order. */
    public record After(int index, String name, UUID id) {}

    private final EntityManager em;

    PageService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Optional<PageView> find(UUID id) {
        return Optional.ofNullable(em.find(Page.class, id)).map(PageView::of);
    }

    @Transactional
    public Optional<PageView> findByUrl(String url) {
        return em.createQuery("from Page p where p.url = :url", Page.class)
                .setParameter("url", url)
                .getResultStream()
                .findFirst()
                .map(PageView::of);
    }

    /** Pages by index, then name; only those of a place and of a language when these are given. */
    @Transactional
    public Slice<PageView> list(PagePlace place, String language, After after, int limit) {
        StringBuilder hql = new StringBuilder("from Page p where 1 = 1");
        if (place != null) {
            hql.append(" and p.place = :place");
        }
        if (language != null) {
            hql.append(" and p.language = :language");
        }
        if (after != null) {
            hql.append(" and (p.sortIndex, p.name, p.id) > (:afterIndex, :afterName, :afterId)");
        }
        hql.append(" order by p.sortIndex, p.name, p.id");
        TypedQuery<Page> query = em.createQuery(hql.toString(), Page.class).setMaxResults(limit + 1);
        if (place != null) {
            query.setParameter("place", place);
        }
        if (language != null) {
            query.setParameter("language", language);
        }
        if (after != null) {
            query.setParameter("afterIndex", after.index())
                    .setParameter("afterName", after.name())
                    .setParameter("afterId", after.id());
        }
        return Slice.of(query.getResultList().stream().map(PageView::of).toList(), limit);
    }

    /** A new page, as its version 1; 409 {@code url-taken} when another page has the url. */
    @Transactional
    public PageView create(PageContent content, UUID admin) {
        Page page = new Page();
        page.id = UUID.randomUUID();
        page.show(content);
        page.version = 1;
        page.createdAt = now();
        page.updatedAt = page.createdAt;
        page.updatedBy = admin;
        em.persist(page);
        return save(page);
    }

    /** Changes what {@code change} changes, as a new version; empty when there is no such page. */
    @Transactional
    public Optional<PageView> patch(UUID id, UnaryOperator<PageContent> change, UUID admin) {
        return locked(id).map(page -> saveNext(page, change.apply(page.content()), admin));
    }

    /**
     * Makes a new version equal to version {@code number}; empty when there is no such page or version.
     * 409 {@code url-taken} when another page has taken that version's url since.
     */
    @Transactional
    public Optional<PageView> restore(UUID id, int number, UUID admin) {
        return locked(id)
                .flatMap(page -> Optional.ofNullable(em.find(PageVersion.class, new PageVersion.Key(id, number)))
                        .map(old -> saveNext(page, old.content(), admin)));
    }

    /** Deletes the page and, by the foreign key's cascade, all its versions; false when there was none. */
    @Transactional
    public boolean delete(UUID id) {
        return em.createNativeQuery("delete from {h-schema}page where id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    private Optional<Page> locked(UUID id) {
        return Optional.ofNullable(em.find(Page.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private PageView saveNext(Page page, PageContent content, UUID admin) {
        page.show(content);
        page.version++;
        page.updatedAt = now();
        page.updatedBy = admin;
        return save(page);
    }

    /** Writes the page and its version now, so that a broken unique constraint becomes a 409 here. */
    private PageView save(Page page) {
        em.persist(PageVersion.of(page));
        try {
            em.flush();
        } catch (RuntimeException e) {
            if (UniqueViolations.broke(e, "page_url_key")) {
                throw ProblemException.conflict("url-taken", "Another page has the url " + page.url);
            }
            if (UniqueViolations.broke(e, "page_version_pkey")) {
                // only if something saved this page without taking its lock
                throw ProblemException.conflict(
                        "concurrent-save", "The page was saved at the same time; read it and try again");
            }
            throw e;
        }
        return PageView.of(page);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
