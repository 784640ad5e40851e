package org.chorus.content.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.content.Page;

@ApplicationScoped
public class PageService {

    private final EntityManager entityManager;

    PageService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record PageView(String slug, String title, String body, Instant updatedAt) {
        static PageView of(Page page) {
            return new PageView(page.slug, page.title, page.body, page.updatedAt);
        }
    }

    /** The result of a write: the page as stored, and whether it did not exist before. */
    public record Saved(PageView page, boolean created) {
    }

    @Transactional
    public Optional<PageView> find(String slug) {
        return Optional.ofNullable(entityManager.find(Page.class, slug)).map(PageView::of);
    }

    /**
     * Creates or replaces the page. Two admins writing a new slug at once: the insert is an
     * upsert in SQL, so neither gets a 500 from a duplicate key; the later write wins.
     */
    @Transactional
    public Saved put(String slug, String title, String body) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean created = (Boolean) entityManager.createNativeQuery("""
                        insert into {h-schema}page (slug, title, body, updated_at) values (:slug, :title, :body, :now)
                        on conflict (slug) do update set title = excluded.title, body = excluded.body,
                            updated_at = excluded.updated_at
                        returning (xmax = 0)""")
                .setParameter("slug", slug)
                .setParameter("title", title)
                .setParameter("body", body)
                .setParameter("now", now)
                .getSingleResult();
        return new Saved(new PageView(slug, title, body, now), created);
    }
}
