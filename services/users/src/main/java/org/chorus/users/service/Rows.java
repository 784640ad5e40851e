package org.chorus.users.service;

import java.time.Instant;
import java.util.UUID;
import org.chorus.web.Timestamps;

/** Reading native-query result columns whatever JDBC type the driver hands back. */
final class Rows {

    private Rows() {
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /** Rows of (id, username, display_name, since) → cards. */
    static UserCard card(Object[] row) {
        UUID id = uuid(row[0]);
        return new UserCard(id, (String) row[1], (String) row[2], UserCard.avatarUrl(id), Timestamps.instant(row[3]));
    }
}
