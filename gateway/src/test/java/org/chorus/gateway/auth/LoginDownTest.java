package org.chorus.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Login's JWKS unreachable before any key was fetched: tokens cannot be judged, so 503 rather than a false 401. */
@QuarkusTest
@TestProfile(LoginDownTest.JwksUnreachable.class)
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class LoginDownTest {

    public static class JwksUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "http://localhost:1/api/auth/jwks");
        }
    }

    @Test
    void aProtectedRequestGets503NotA401() {
        given().auth()
                .oauth2(TestKeys.validToken())
                .get("/api/feed")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", is("https://chorus.dev/problems/auth-unavailable"));
    }

    @Test
    void aMissingTokenIsStill401() {
        given().get("/api/feed").then().statusCode(401);
    }
}
