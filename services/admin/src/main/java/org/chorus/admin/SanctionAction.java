package org.chorus.admin;

import java.util.Arrays;
import java.util.Optional;

/** What a moderator can do to a user: a warning (a mail only), hiding one post or comment, a suspension, a ban. */
public enum SanctionAction {

    WARN("warn"),
    HIDE("hide"),
    SUSPEND("suspend"),
    BAN("ban");

    private final String value;

    SanctionAction(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Suspensions and bans keep the user out; their lifting reinstates. */
    public boolean excludes() {
        return this == SUSPEND || this == BAN;
    }

    public static Optional<SanctionAction> of(String value) {
        return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst();
    }
}
