package org.chorus.admin.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chorus.erasure")
public interface ErasureConfig {

    /** The services that must confirm each erasure (as named in erasure-confirmed); fixed per request when it opens. */
    @WithDefault("login,users,content,admin,notifications")
    List<String> services();

    /** How long a service may take to confirm before the request is flagged overdue. */
    @WithDefault("24h")
    Duration deadline();
}
