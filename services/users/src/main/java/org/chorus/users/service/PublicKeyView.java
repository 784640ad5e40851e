package org.chorus.users.service;

import java.time.Instant;
import java.util.UUID;

/** A published public key. */
public record PublicKeyView(UUID id, UUID userId, String algorithm, String key, String label, Instant createdAt) {}
