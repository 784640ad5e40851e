package org.chorus.gateway;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.chorus.gateway.config.GatewayConfig;

/** Which service answers which path: the public path contract of docs/architecture.md. */
@Singleton
public class RouteTable {

    private final List<Route> routes;

    @Inject
    public RouteTable(GatewayConfig config) {
        this(config.upstream());
    }

    public RouteTable(GatewayConfig.Upstreams upstreams) {
        Upstream login = Upstream.of("login", upstreams.login());
        Upstream users = Upstream.of("users", upstreams.users());
        Upstream content = Upstream.of("content", upstreams.content());
        Upstream admin = Upstream.of("admin", upstreams.admin());
        Upstream notifications = Upstream.of("notifications", upstreams.notifications());
        Upstream messages = Upstream.of("messages", upstreams.messages());
        this.routes = List.of(
                new Route("/api/auth", login),
                new Route("/api/users", users),
                new Route("/api/friends", users),
                new Route("/api/posts", content),
                new Route("/api/comments", content),
                new Route("/api/feed", content),
                new Route("/api/pages", content),
                new Route("/api/search", content),
                new Route("/api/reports", content),
                new Route("/api/admin", admin),
                new Route("/api/notifications", notifications),
                new Route("/api/conversations", messages));
    }

    /** The route for a normalised request path, if any. */
    public Optional<Route> resolve(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }

    /** Every distinct upstream, once. */
    public List<Upstream> upstreams() {
        return routes.stream().map(Route::upstream).distinct().toList();
    }
}
