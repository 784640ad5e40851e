package org.chorus.notifications;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an in-app notification is about. The wire name is what clients see and filter on
 * ({@code ?kind=}); it is also what {@code notification.kind} stores.
 *
 * @param grouped  activities of this kind on one target within the group window become one entry
 * @param hasActors made by someone (so blocks and mutes apply, and the entry lists its actors)
 */
public enum NotificationKind {
    FRIEND_REQUEST("friend-request", true, true),
    FRIENDSHIP("friendship", true, true),
    COMMENT("comment", true, true),
    REPLY("reply", true, true),
    REACTION("reaction", true, true),
    MENTION("mention", false, true),
    REPORT_OUTCOME("report-outcome", false, false),
    SANCTION("sanction", false, false),
    APPEAL_DECISION("appeal-decision", false, false),
    NEW_DEVICE_LOGIN("new-device-login", false, false),
    PASSWORD_CHANGED("password-changed", false, false),
    TWO_FACTOR_CHANGED("two-factor-changed", false, false);

    private final String wireName;
    private final boolean grouped;
    private final boolean hasActors;

    NotificationKind(String wireName, boolean grouped, boolean hasActors) {
        this.wireName = wireName;
        this.grouped = grouped;
        this.hasActors = hasActors;
    }

    public String wireName() {
        return wireName;
    }

    public boolean grouped() {
        return grouped;
    }

    public boolean hasActors() {
        return hasActors;
    }

    public static Optional<NotificationKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
