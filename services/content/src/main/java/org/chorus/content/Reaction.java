package org.chorus.content;

import java.util.List;
import java.util.Locale;

/** The fixed set of reactions; one per user per post or comment. */
public enum Reaction {
    LIKE, LOVE, LAUGH, WOW, SAD, ANGRY;

    public static final String PATTERN = "like|love|laugh|wow|sad|angry";
    public static final List<Reaction> ALL = List.of(values());

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Reaction of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
