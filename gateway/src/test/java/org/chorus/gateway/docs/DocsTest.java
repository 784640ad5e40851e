package org.chorus.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** One API document of every service's public API, and a Swagger UI that keeps the CSP. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class DocsTest {

    @Test
    void theMergedDocumentHoldsEveryServicesRoutedPaths() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("openapi", is("3.0.3"))
                .body("paths", hasKey("/api/users/{id}/avatar.png"))
                .body("paths", hasKey("/api/users/me"))
                .body("paths", hasKey("/api/posts"))
                .body("paths", hasKey("/api/pages/{slug}"))
                .body("paths", hasKey("/api/auth/login"))
                // a service's own /q/* and paths another service owns at the gateway are left out
                .body("paths", not(hasKey("/q/health")))
                .body("paths", not(hasKey("/api/users/stolen")));
    }

    @Test
    void oneJwtSchemeAndPublicOperationsStayPublic() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                .body("components.securitySchemes.keySet()", is(java.util.Set.of("jwt")))
                .body("components.securitySchemes.jwt.scheme", is("bearer"))
                .body("paths.'/api/users/me'.get.security[0].keySet()", is(java.util.Set.of("jwt")))
                // content named its scheme SecurityScheme: now jwt
                .body("paths.'/api/posts'.post.security[0].keySet()", is(java.util.Set.of("jwt")))
                .body("paths.'/api/users/{id}/avatar.png'.get.security", empty())
                .body("paths.'/api/pages/{slug}'.get.security", empty())
                .body("security", nullValue());
    }

    @Test
    void componentNameClashesAreRenamedWithTheirRefs() {
        given().get("/api/docs/openapi.json").then().statusCode(200)
                // the same Problem in every service: kept once
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("content_Problem")))
                // two different Profiles: the second is content's
                .body("components.schemas.Profile.description", is("users' profile"))
                .body("components.schemas.content_Profile.description", is("content's, different"))
                .body("paths.'/api/posts'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/content_Profile"))
                .body("paths.'/api/users/me'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/Profile"));
    }

    @Test
    void aServiceThatIsDownLeavesTheRest() {
        // the fake messages service has no document at all; admin is stopped for this test
        FakeUpstreams.stopServer("admin");
        try {
            given().get("/api/docs/openapi.json").then().statusCode(200)
                    .body("paths", hasKey("/api/users/me"))
                    .body("info.description", not(containsString("messages")));
        } finally {
            FakeUpstreams.startServer("admin");
        }
    }

    @Test
    void swaggerUiIsServedWithoutInlineScript() {
        String page = given().get("/api/docs/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(page.matches("(?s).*<script>.*"), "inline script in " + page);
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("onload="), page);
        given().get("/api/docs/initializer.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("openapi.json"));
        given().get("/api/docs/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("SwaggerUIBundle"));
        given().get("/api/docs/swagger-ui.css").then().statusCode(200).contentType(containsString("text/css"));
        given().redirects().follow(false).get("/api/docs").then().statusCode(301).header("Location", "/api/docs/");
        given().get("/api/docs/nothing").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/docs/openapi.json").then().header("RateLimit-Policy", notNullValue());
    }
}
