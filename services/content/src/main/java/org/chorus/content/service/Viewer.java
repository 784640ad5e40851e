package org.chorus.content.service;

import java.util.UUID;

/**
 * Who is reading: a user, or nobody (no token). Queries bind {@link #sqlId()}, the nil id for an anonymous
 * reader, which no user has: every "is it me / my friend / blocked by me" test is then simply false.
 *
 * @param moderator holds the moderator or admin role: also sees content a moderator hid
 */
public record Viewer(UUID id, String username, boolean moderator) {

    public static final UUID NOBODY = new UUID(0, 0);
    public static final Viewer ANONYMOUS = new Viewer(null, null, false);

    public boolean anonymous() {
        return id == null;
    }

    public UUID sqlId() {
        return id == null ? NOBODY : id;
    }
}
