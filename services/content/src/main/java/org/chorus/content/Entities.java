package org.chorus.content;

import java.util.List;

/**
 * What the text of a post contains besides words, found when it is saved: {@code @username} mentions of
 * existing users and {@code #tag} hashtags. Offsets are UTF-16 indices into the text ({@code end} exclusive),
 * as JavaScript's {@code String.slice} takes them.
 */
public record Entities(List<Mention> mentions, List<Hashtag> hashtags) {

    public static final Entities NONE = new Entities(List.of(), List.of());

    public record Mention(String username, java.util.UUID userId, int start, int end) {
    }

    /** @param tag lower-case, without the {@code #} */
    public record Hashtag(String tag, int start, int end) {
    }
}
