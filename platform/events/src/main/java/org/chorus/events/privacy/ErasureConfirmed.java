package org.chorus.events.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code erasure-confirmed}: a service erased or anonymised what it held about a user after user-deleted.
 * Key: userId.
 * @param service the service that erased the data: login, users, content, admin, notifications or messages
 */
public record ErasureConfirmed(UUID userId, String service, Instant erasedAt) {}
