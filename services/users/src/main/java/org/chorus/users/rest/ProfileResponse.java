package org.chorus.users.rest;

import java.time.Instant;
import java.util.UUID;

import org.chorus.users.Visibility;
import org.chorus.users.service.ProfileSnapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A profile as the caller may see it. A friends-only profile seen by a non-friend is a card: only
 * id, username, display name and avatar URL are set ({@code limited} = true), the rest is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileResponse(
        UUID id,
        String username,
        String displayName,
        String avatarUrl,
        boolean limited,
        String bio,
        String website,
        String location,
        String language,
        Visibility visibility,
        Instant createdAt,
        Instant updatedAt) {

    static ProfileResponse full(ProfileSnapshot p) {
        return new ProfileResponse(
                p.id(),
                p.username(),
                p.displayName(),
                avatarUrl(p),
                false,
                p.bio(),
                p.website(),
                p.location(),
                p.language(),
                p.visibility(),
                p.createdAt(),
                p.updatedAt());
    }

    static ProfileResponse card(ProfileSnapshot p) {
        return new ProfileResponse(
                p.id(), p.username(), p.displayName(), avatarUrl(p), true, null, null, null, null, null, null, null);
    }

    static String avatarUrl(ProfileSnapshot p) {
        return "/api/users/" + p.id() + "/avatar";
    }
}
