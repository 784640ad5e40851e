package org.chorus.content.page;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The current state of a page (its latest version); earlier versions are rows of {@code page_version}.
 * Never leaves the service as is.
 */
@Entity
@Table(name = "page")
public class Page {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String title;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String description;

    public String language;

    /** "index" in the API; a keyword in SQL and HQL, so another name in here */
    @Column(name = "sort_index", nullable = false)
    public int sortIndex;

    @Convert(converter = PagePlaceColumn.class)
    @Column(nullable = false)
    public PagePlace place;

    /** the number of the latest version */
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    public PageContent content() {
        return new PageContent(name, title, url, description, language, sortIndex, place);
    }

    /** Takes over what the content says; the version, times and editor are the saver's business. */
    public void show(PageContent content) {
        name = content.name();
        title = content.title();
        url = content.url();
        description = content.description();
        language = content.language();
        sortIndex = content.index();
        place = content.place();
    }
}
