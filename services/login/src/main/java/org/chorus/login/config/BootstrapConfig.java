package org.chorus.login.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/** What the operator decides before anyone can decide anything in the running suite. */
@ConfigMapping(prefix = "chorus.bootstrap-admins")
public interface BootstrapConfig {

    /**
     * The first administrators ({@code chorus.bootstrap-admins}, env CHORUS_BOOTSTRAP_ADMINS):
     * e-mail addresses or usernames, comma-separated, case-insensitive. They hold {@code admin}
     * from sign-up, or from the next start of login for accounts that exist already. Empty by default.
     */
    @WithParentName
    Optional<List<String>> names();
}
