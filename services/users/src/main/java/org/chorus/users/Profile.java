package org.chorus.users;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A user's profile. Never leaves the service as is: REST gets records built from it. */
@Entity
@Table(name = "profile")
public class Profile extends PanacheEntityBase {

    /** The account's user id, as login assigned it. */
    @Id
    public UUID id;

    /** Owned by login; changed here only by user-updated. */
    @Column(nullable = false)
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String bio;

    public String website;

    public String location;

    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    /** Suspended by a moderator: invisible to everyone else. */
    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
