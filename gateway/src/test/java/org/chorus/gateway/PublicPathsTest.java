package org.chorus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.chorus.gateway.PublicPaths.Access;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.core.http.HttpMethod;

/** The public-path contract, row by row (see also {@code DeclaredPublicPathsTest}, which reads the services). */
class PublicPathsTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        // login guards its own endpoints: the token is not even looked at
        "POST, /api/auth/signup, IGNORED",
        "POST, /api/auth/login, IGNORED",
        "GET, /api/auth/jwks, IGNORED",
        "DELETE, /api/auth/sessions/1, IGNORED",
        "POST, /api/auth/token, IGNORED",
        "POST, /api/authx, REQUIRED",
        // avatars in every format, read only, one id segment
        "GET, /api/users/6f1c/avatar, OPTIONAL",
        "HEAD, /api/users/6f1c/avatar, OPTIONAL",
        "GET, /api/users/6f1c/avatar.png, OPTIONAL",
        "GET, /api/users/6f1c/avatar.svg, OPTIONAL",
        "HEAD, /api/users/6f1c/avatar.png, OPTIONAL",
        "PUT, /api/users/6f1c/avatar, REQUIRED",
        "GET, /api/users/6f1c/avatar/x, REQUIRED",
        "GET, /api/users/6f1c/avatar.gif, REQUIRED",
        "GET, /api/users/a/b/avatar, REQUIRED",
        "GET, /api/users//avatar, REQUIRED",
        "GET, /api/users/me, REQUIRED",
        // public reads
        "GET, /api/posts, OPTIONAL",
        "GET, /api/posts/1, OPTIONAL",
        "HEAD, /api/posts/1/comments, OPTIONAL",
        "POST, /api/posts, REQUIRED",
        "DELETE, /api/posts/1, REQUIRED",
        "GET, /api/postsx, REQUIRED",
        "GET, /api/comments/2, OPTIONAL",
        "PATCH, /api/comments/2, REQUIRED",
        "GET, /api/feed/public, OPTIONAL",
        "GET, /api/feed/tags/java, OPTIONAL",
        "GET, /api/feed/users/u1, OPTIONAL",
        "GET, /api/feed, REQUIRED",
        "GET, /api/feed/home, REQUIRED",
        "GET, /api/feed/publicx, REQUIRED",
        "GET, /api/pages, OPTIONAL",
        "GET, /api/pages/about/history, OPTIONAL",
        "PUT, /api/pages/about, REQUIRED",
        "POST, /api/pages, REQUIRED",
        "GET, /api/pagesx, REQUIRED",
        "GET, /api/search, OPTIONAL",
        "GET, /api/search/posts, OPTIONAL",
        "POST, /api/search, REQUIRED",
        "GET, /api/reports, REQUIRED",
        "POST, /api/reports, REQUIRED",
        // the gateway's own API document and Swagger UI
        "GET, /api/docs/openapi.json, OPTIONAL",
        "GET, /api/docs/, OPTIONAL",
        "POST, /api/docs, REQUIRED",
        // a suspended user's appeal, by the code in the e-mail
        "GET, /api/admin/appeals/code/abc, OPTIONAL",
        "POST, /api/admin/appeals/code/abc, OPTIONAL",
        "DELETE, /api/admin/appeals/code/abc, REQUIRED",
        "GET, /api/admin/appeals, REQUIRED",
        "GET, /api/admin/stats, REQUIRED",
        // a data export's download, by the code in the e-mail; asking for one and its state need a token
        "GET, /api/admin/exports/download/abc, OPTIONAL",
        "POST, /api/admin/exports/download/abc, REQUIRED",
        "POST, /api/admin/exports, REQUIRED",
        "GET, /api/admin/exports/abc, REQUIRED",
        // the live stream (ticket in the query) and RFC 8058 one-click unsubscribe
        "GET, /api/notifications/stream, OPTIONAL",
        // the live WebSockets (ticket in the query, checked by the service)
        "GET, /api/notifications/socket, OPTIONAL",
        "GET, /api/conversations/socket, OPTIONAL",
        "POST, /api/notifications/socket, REQUIRED",
        "GET, /api/conversations/socket/x, REQUIRED",
        "POST, /api/notifications/stream, REQUIRED",
        "GET, /api/notifications/stream/x, REQUIRED",
        "GET, /api/notifications/unsubscribe, OPTIONAL",
        "POST, /api/notifications/unsubscribe, OPTIONAL",
        "PUT, /api/notifications/unsubscribe, REQUIRED",
        "GET, /api/notifications, REQUIRED",
        // everything else
        "GET, /api/friends, REQUIRED",
        "GET, /api/conversations, REQUIRED",
        "GET, /api/admin/queue, REQUIRED"
    })
    void theContract(String method, String path, Access expected) {
        assertEquals(expected, PublicPaths.access(HttpMethod.valueOf(method), path));
    }
}
