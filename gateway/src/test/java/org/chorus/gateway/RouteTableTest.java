package org.chorus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.chorus.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private final RouteTable table = new RouteTable(upstreams("http://login:1", "http://users:2", "https://content",
            "http://admin:4", "http://notifications:5"));

    @ParameterizedTest
    @CsvSource({
            "/api/auth, login", "/api/auth/login, login", "/api/auth/jwks, login",
            "/api/users/me, users", "/api/users/42/avatar, users", "/api/friends, users", "/api/friends/requests, users",
            "/api/posts/1, content", "/api/comments/2, content", "/api/feed, content", "/api/pages/about, content",
            "/api/search, content", "/api/search/posts, content", "/api/reports, content", "/api/reports/r1, content",
            "/api/admin/queue, admin", "/api/notifications/stream, notifications",
            "/api/conversations/c1/messages, messages" })
    void eachPrefixAndEverythingBelowItLeadsToItsService(String path, String upstream) {
        assertEquals(upstream, table.resolve(path).orElseThrow().upstream().name());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api", "/api/", "/api/usersx", "/api/user", "/api/authz/login", "/api/unknown/x", "/users/me", "/api/searchx", "/api/docsx" })
    void pathsThatOnlyLookLikeAPrefixLeadNowhere(String path) {
        assertTrue(table.resolve(path).isEmpty(), path);
    }

    @Test
    void upstreamUrlsGiveHostPortAndTls() {
        Upstream content = table.resolve("/api/feed").orElseThrow().upstream();
        assertEquals(new Upstream("content", "content", 443, true), content);
        assertEquals(new Upstream("login", "login", 1, false), table.resolve("/api/auth").orElseThrow().upstream());
    }

    @Test
    void anUpstreamThatIsNotAnHttpUrlIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("users", URI.create("ftp://users:21")));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("users", URI.create("localhost:8082")));
    }

    @Test
    void metricsTemplateIsThePrefixNotThePath() {
        assertEquals("/api/users/**", table.resolve("/api/users/0b9f6d5e/avatar").orElseThrow().template());
    }

    private static GatewayConfig.Upstreams upstreams(String login, String users, String content, String admin,
            String notifications) {
        return new GatewayConfig.Upstreams() {
            public URI login() {
                return URI.create(login);
            }

            public URI users() {
                return URI.create(users);
            }

            public URI content() {
                return URI.create(content);
            }

            public URI admin() {
                return URI.create(admin);
            }

            public URI notifications() {
                return URI.create(notifications);
            }

            public URI messages() {
                return URI.create("http://messages:6");
            }
        };
    }
}
