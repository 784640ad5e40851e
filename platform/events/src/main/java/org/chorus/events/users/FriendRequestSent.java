package org.chorus.events.users;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code friend-request-sent}: a user asked another to be friends. Keyed by the recipient.
 * Key: toUserId.
 */
public record FriendRequestSent(UUID requestId, UUID fromUserId, UUID toUserId, Instant sentAt) {}
