package org.chorus.gateway;

/**
 * A path prefix and the service it leads to.
 *
 * @param prefix e.g. {@code /api/users}: matches that path and everything below it
 */
public record Route(String prefix, Upstream upstream) {

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    /** Low-cardinality name of the route for metrics (never the raw path, which holds ids). */
    public String template() {
        return prefix + "/**";
    }
}
