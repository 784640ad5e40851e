package org.chorus.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's one appeal against a sanction, and the moderator's decision on it. */
public record Appeal(UUID id, UUID sanctionId, UUID userId, String text, String state, Instant filedAt,
                     Instant decidedAt, UUID decidedBy, String decisionReason) {

    public static final String PENDING = "pending";
    public static final String UPHELD = "upheld";
    public static final String OVERTURNED = "overturned";

    public static final List<String> STATES = List.of(PENDING, UPHELD, OVERTURNED);
    public static final List<String> DECISIONS = List.of(UPHELD, OVERTURNED);
}
