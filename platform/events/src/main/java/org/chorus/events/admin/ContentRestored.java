package org.chorus.events.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code content-restored}: a hidden post or comment is shown again.
 * Key: authorId.
 * @param targetKind post or comment
 * @param targetId the post or comment restored
 * @param authorId author of the post or comment
 * @param sanctionId the hiding sanction lifted (e.g. overturned on appeal); absent when there was none
 */
public record ContentRestored(String targetKind, UUID targetId, UUID authorId, UUID sanctionId, Instant restoredAt) {}
