package org.chorus.users.service;

import java.time.Instant;
import java.util.UUID;

/**
 * What every list shows of a person: the same little the card of a friends-only profile shows.
 * {@code since} is when the listed relation began (friendship, request, block, mute), or null.
 */
public record UserCard(UUID id, String username, String displayName, String avatarUrl, Instant since) {

    public static String avatarUrl(UUID id) {
        return "/api/users/" + id + "/avatar";
    }
}
