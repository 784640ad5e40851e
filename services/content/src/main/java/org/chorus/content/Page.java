package org.chorus.content;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A static page managed by administrators (about, terms, ...). Never leaves the service as is. */
@Entity
@Table(name = "page")
public class Page extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
