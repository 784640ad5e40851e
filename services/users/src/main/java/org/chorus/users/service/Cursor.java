package org.chorus.users.service;

import java.time.Instant;
import java.util.UUID;

/** A keyset position in a list ordered by (time desc, id); opaque to clients once encoded. */
public record Cursor(Instant at, UUID id) {
}
