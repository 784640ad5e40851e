package org.chorus.content.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.content.Entities.Hashtag;

/**
 * Finds {@code #tag}s and {@code @username} candidates in a text. A marker counts only at the start of the text
 * or after a character that cannot be part of a word, so {@code a@b.example} and {@code C#} are neither.
 */
final class EntityParser {

    /** login's usernames: 3–30 of letters, digits, underscore and dot; a trailing dot ends the sentence. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@#])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_#@&])#([\\p{L}\\p{N}_]{1,100})(?![\\p{L}\\p{N}_])");

    record Candidate(String username, int start, int end) {
    }

    private EntityParser() {
    }

    static List<Hashtag> hashtags(String text) {
        List<Hashtag> tags = new ArrayList<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            String tag = m.group(1);
            // "#2024" is a number, not a topic (as Mastodon and Twitter read it)
            if (tag.chars().allMatch(Character::isDigit)) {
                continue;
            }
            tags.add(new Hashtag(tag.toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        return tags;
    }

    static List<Candidate> mentions(String text) {
        List<Candidate> found = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name.length() >= 3 && name.length() <= 30) {
                found.add(new Candidate(name.toLowerCase(Locale.ROOT), m.start(), m.end()));
            }
        }
        return found;
    }
}
