package org.chorus.content.page;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One save of a page, in full; written once, never changed. (page_id, number) is the primary key, so two
 * versions with the same number cannot exist whatever the writers do. Never leaves the service as is.
 */
@Entity
@Table(name = "page_version")
@IdClass(PageVersion.Key.class)
public class PageVersion {

    @Id
    @Column(name = "page_id")
    public UUID pageId;

    @Id
    public int number;

    @Column(nullable = false)
    public String name;

    public String title;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String description;

    public String language;

    @Column(name = "sort_index", nullable = false)
    public int sortIndex;

    @Convert(converter = PagePlaceColumn.class)
    @Column(nullable = false)
    public PagePlace place;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    @Column(name = "saved_by")
    public UUID savedBy;

    /** The page as it stands after a save, as its version of that number. */
    public static PageVersion of(Page page) {
        PageVersion version = new PageVersion();
        version.pageId = page.id;
        version.number = page.version;
        version.name = page.name;
        version.title = page.title;
        version.url = page.url;
        version.description = page.description;
        version.language = page.language;
        version.sortIndex = page.sortIndex;
        version.place = page.place;
        version.savedAt = page.updatedAt;
        version.savedBy = page.updatedBy;
        return version;
    }

    public PageContent content() {
        return new PageContent(name, title, url, description, language, sortIndex, place);
    }

    /** The primary key (page_id, number). */
    public static class Key implements Serializable {

        public UUID pageId;
        public int number;

        public Key() {}

        public Key(UUID pageId, int number) {
            this.pageId = pageId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && number == key.number && Objects.equals(pageId, key.pageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pageId, number);
        }
    }
}
