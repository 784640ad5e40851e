package org.chorus.users.service;

import java.time.Instant;
import java.util.UUID;

import org.chorus.users.Profile;
import org.chorus.users.Visibility;

/** An immutable copy of a profile row: what the cache holds and what the REST layer renders. */
public record ProfileSnapshot(
        UUID id,
        String username,
        String displayName,
        String bio,
        String website,
        String location,
        String language,
        Visibility visibility,
        boolean hidden,
        Instant createdAt,
        Instant updatedAt) {

    static ProfileSnapshot of(Profile p) {
        return new ProfileSnapshot(
                p.id,
                p.username,
                p.displayName,
                p.bio,
                p.website,
                p.location,
                p.language,
                p.visibility,
                p.hidden,
                p.createdAt,
                p.updatedAt);
    }
}
