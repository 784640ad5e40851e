package org.chorus.events.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code post-created}: a post was published.
 * Key: authorId.
 * @param visibility who may see it: public, friends (of the author) or private (the author only)
 * @param language BCP 47 tag of the language of the text (e.g. en, pt-BR); absent when unknown
 * @param hashtags the hashtags in the text, without the leading #, each once
 * @param mentionedUserIds the users the text mentions, each once
 */
public record PostCreated(
        UUID postId,
        UUID authorId,
        String visibility,
        String language,
        String text,
        List<String> hashtags,
        List<UUID> mentionedUserIds,
        Instant createdAt) {}
