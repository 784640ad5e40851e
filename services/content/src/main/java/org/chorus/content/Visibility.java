package org.chorus.content;

import java.util.Locale;

/** Who may read a post: anyone, the author's friends (content's copy of the graph), or the author alone. */
public enum Visibility {
    PUBLIC, FRIENDS, PRIVATE;

    public static final String PATTERN = "public|friends|private";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
