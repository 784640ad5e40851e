package org.chorus.users.service;

import java.util.UUID;

/** Someone the caller may know, and how many friends they share. */
public record Suggestion(UUID id, String username, String displayName, String avatarUrl, long mutualFriends) {}
