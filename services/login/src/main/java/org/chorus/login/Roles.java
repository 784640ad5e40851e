package org.chorus.login;

import java.util.Set;

/** The roles a token's {@code groups} claim may carry (docs/architecture.md, tokens and revocation). */
public final class Roles {

    public static final String USER = "user";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(USER, MODERATOR, ADMIN);

    private Roles() {}
}
