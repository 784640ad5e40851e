package org.chorus.users.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/friends/requests}. */
public record FriendRequestCommand(@NotNull UUID toUserId) {}
