package org.chorus.users.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reading native-query result columns whatever JDBC type the driver hands back. */
final class Rows {

    private Rows() {
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /** Rows of (id, username, display_name, since) → cards. */
    static UserCard card(Object[] row) {
        UUID id = uuid(row[0]);
        return new UserCard(id, (String) row[1], (String) row[2], UserCard.avatarUrl(id), instant(row[3]));
    }
}
