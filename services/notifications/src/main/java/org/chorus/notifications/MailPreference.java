package org.chorus.notifications;

import java.util.Arrays;
import java.util.Optional;

/**
 * The mails a member may turn off (security and moderation mail has no switch). The wire name is
 * the field of {@code /api/notifications/preferences}; the column is in {@code mail_preference}.
 */
public enum MailPreference {
    FRIEND_REQUESTS("friendRequests", "friend_requests"),
    COMMENTS("comments", "comments"),
    MENTIONS("mentions", "mentions"),
    DIGEST("digest", "digest"),
    /** A reminder about an entry not read within {@code chorus.notifications.unseen.after}. */
    UNSEEN("unseen", "unseen");

    private final String wireName;
    private final String column;

    MailPreference(String wireName, String column) {
        this.wireName = wireName;
        this.column = column;
    }

    public String wireName() {
        return wireName;
    }

    public String column() {
        return column;
    }

    public static Optional<MailPreference> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    /** The switch that governs mail about a notification of this kind, if any. */
    public static Optional<MailPreference> of(NotificationKind kind) {
        return switch (kind) {
            case FRIEND_REQUEST -> Optional.of(FRIEND_REQUESTS);
            case COMMENT, REPLY -> Optional.of(COMMENTS);
            case MENTION -> Optional.of(MENTIONS);
            default -> Optional.empty();
        };
    }
}
