package org.chorus.events.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code post-updated}: a post was edited; the event carries the post as it is after the edit.
 * Key: authorId.
 * @param visibility public, friends or private, after the edit
 * @param language BCP 47 tag of the language of the text; absent when unknown
 * @param version the version the edit made; a post is created as version 1 and each edit adds one, so a consumer keeps the highest it has seen
 * @param hashtags the hashtags in the text after the edit, without the leading #, each once
 * @param mentionedUserIds the users the text mentions after the edit, each once
 */
public record PostUpdated(
        UUID postId,
        UUID authorId,
        String visibility,
        String language,
        String text,
        int version,
        List<String> hashtags,
        List<UUID> mentionedUserIds,
        Instant updatedAt) {}
