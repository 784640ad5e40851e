package org.chorus.gateway;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.HEAD;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublicPathsTest {

    @Test
    void everythingUnderAuthIsPublicWhateverTheMethod() {
        assertTrue(PublicPaths.isPublic(POST, "/api/auth/signup"));
        assertTrue(PublicPaths.isPublic(POST, "/api/auth/login"));
        assertTrue(PublicPaths.isPublic(GET, "/api/auth/jwks"));
        assertTrue(PublicPaths.isPublic(DELETE, "/api/auth/sessions/1"));
        assertFalse(PublicPaths.isPublic(POST, "/api/authx"));
    }

    @Test
    void avatarsArePublicToReadOnly() {
        assertTrue(PublicPaths.isPublic(GET, "/api/users/6f1c/avatar"));
        assertTrue(PublicPaths.isPublic(HEAD, "/api/users/6f1c/avatar"));
        assertFalse(PublicPaths.isPublic(PUT, "/api/users/6f1c/avatar"));
        assertFalse(PublicPaths.isPublic(GET, "/api/users/6f1c/avatar/x"));
        assertFalse(PublicPaths.isPublic(GET, "/api/users/a/b/avatar"));
        assertFalse(PublicPaths.isPublic(GET, "/api/users//avatar"));
        assertFalse(PublicPaths.isPublic(GET, "/api/users/me"));
    }

    @Test
    void pagesArePublicToReadOnly() {
        assertTrue(PublicPaths.isPublic(GET, "/api/pages"));
        assertTrue(PublicPaths.isPublic(GET, "/api/pages/about/history"));
        assertFalse(PublicPaths.isPublic(POST, "/api/pages"));
        assertFalse(PublicPaths.isPublic(PUT, "/api/pages/about"));
        assertFalse(PublicPaths.isPublic(GET, "/api/pagesx"));
    }

    @Test
    void everythingElseNeedsAToken() {
        assertFalse(PublicPaths.isPublic(GET, "/api/posts/1"));
        assertFalse(PublicPaths.isPublic(GET, "/api/feed"));
        assertFalse(PublicPaths.isPublic(GET, "/api/admin/queue"));
        assertFalse(PublicPaths.isPublic(GET, "/api/notifications"));
        assertFalse(PublicPaths.isPublic(GET, "/api/friends"));
    }
}
