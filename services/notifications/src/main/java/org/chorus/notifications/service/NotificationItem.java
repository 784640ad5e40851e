package org.chorus.notifications.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a user's list, as the API and the stream show it.
 *
 * @param actors     the latest actors (at most three), newest first
 * @param actorCount how many different people are in the group
 * @param seq        the user's sequence number of the entry's latest change (the stream's event id)
 * @param data       kind-specific details (a reaction, a sanction's reason, a report's outcome …)
 */
public record NotificationItem(
        UUID id,
        String kind,
        String targetKind,
        String targetId,
        UUID postId,
        List<Actor> actors,
        int actorCount,
        boolean read,
        Instant createdAt,
        Instant updatedAt,
        long seq,
        JsonNode data) {

    /** username is null while notifications has not yet seen the actor's account. */
    public record Actor(UUID id, String username) {}
}
