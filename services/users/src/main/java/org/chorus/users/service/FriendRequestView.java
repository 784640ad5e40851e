package org.chorus.users.service;

import java.time.Instant;
import java.util.UUID;

/** A pending friend request as one of its two parties sees it; {@code user} is the other party. */
public record FriendRequestView(UUID id, UUID fromUserId, UUID toUserId, Instant createdAt, UserCard user) {}
