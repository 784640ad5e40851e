package org.chorus.gateway;

import java.net.URI;
import java.util.Locale;

/**
 * A service behind the gateway.
 *
 * @param name short name used in logs, metrics and error details (login, users, ...)
 */
public record Upstream(String name, String host, int port, boolean ssl) {

    public static Upstream of(String name, URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Upstream " + name + ": expected an http(s) URL, got " + base);
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("Upstream " + name + ": no host in " + base);
        }
        boolean ssl = scheme.equals("https");
        int port = base.getPort() != -1 ? base.getPort() : ssl ? 443 : 80;
        return new Upstream(name, base.getHost(), port, ssl);
    }
}
