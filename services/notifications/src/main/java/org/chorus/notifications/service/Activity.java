package org.chorus.notifications.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.chorus.notifications.NotificationKind;

/**
 * Something that happened which a user should hear about, as the event handlers describe it.
 *
 * @param targetKind what the entry is about: post, comment, user, sanction, report, appeal, session …
 * @param targetId   the grouping target (same kind + same target within the window → one entry)
 * @param postId     the post the activity belongs to, so that deleting or hiding the post removes it
 * @param actorId    who did it; null for system notifications (security, moderation)
 * @param subjectId  what the actor made (a comment, a reaction, a request), so deleting it removes it
 * @param sourceKey  unique per fact and recipient: the same fact never makes a second notification
 * @param data       kind-specific details shown with the entry
 */
public record Activity(
        UUID recipient,
        NotificationKind kind,
        String targetKind,
        String targetId,
        UUID postId,
        UUID actorId,
        String subjectId,
        String sourceKey,
        Instant at,
        Map<String, Object> data) {

    public Activity {
        data = data == null ? Map.of() : data;
    }

    /**
     * A notice from the system (security, moderation): no actor, nothing made, no post it belongs to; only the
     * recipient, what it is about and the fact it reports.
     */
    public static Activity notice(
            UUID recipient,
            NotificationKind kind,
            String targetKind,
            String targetId,
            String sourceKey,
            Instant at,
            Map<String, Object> data) {
        return new Activity(recipient, kind, targetKind, targetId, null, null, null, sourceKey, at, data);
    }

    /** Key-value pairs without the null values (Map.of refuses nulls; a missing detail is just left out). */
    public static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                data.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return data;
    }
}
