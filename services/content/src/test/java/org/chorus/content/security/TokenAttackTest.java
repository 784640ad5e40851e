package org.chorus.content.security;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TokenAttackContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * content accepts login's tokens and nothing else — forged, altered, expired, foreign and revoked ones (a revoked
 * session also after its expiry, within the clock skew) get 401 problem+json at the service itself, not only at
 * the gateway.
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class TokenAttackTest extends TokenAttackContract {

    @Override
    protected String protectedPath() {
        return "/api/pages/token-attack-test";
    }

    @Override
    protected List<String> groups() {
        return List.of("user", "admin");
    }

    /** Reading a page needs no token; replacing one needs an administrator's. */
    @Override
    protected Response send(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Map.of("title", "Token attack", "body", "Replaced by a valid token only."))
                .put(protectedPath());
    }
}
