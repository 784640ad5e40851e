package org.chorus.admin;

import java.util.Arrays;
import java.util.Optional;

/** The roles admin grants and revokes; everyone holds {@code user}, which is not admin's to give. */
public enum Role {

    MODERATOR("moderator"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** As in tokens' {@code groups} and in events. */
    public String value() {
        return value;
    }

    public static Optional<Role> of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }
}
