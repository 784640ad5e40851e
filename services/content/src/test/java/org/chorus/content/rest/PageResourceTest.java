package org.chorus.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class PageResourceTest {

    private static String slug() {
        return "page-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String... groups) {
        return given().auth().oauth2(TestJwt.token(UUID.randomUUID(), "someone", groups)).contentType(ContentType.JSON);
    }

    private static Map<String, String> page(String title, String body) {
        return Map.of("title", title, "body", body);
    }

    @Test
    void anAdminCreatesAPageWith201AndAnyoneCanReadItWithoutAToken() {
        String slug = slug();
        as("user", "admin").body(page("About Chorus", "We sing together.")).put("/api/pages/" + slug)
                .then().statusCode(201).header("Location", endsWith("/api/pages/" + slug))
                .body("slug", equalTo(slug)).body("title", equalTo("About Chorus"));

        given().get("/api/pages/" + slug).then().statusCode(200)
                .body("slug", equalTo(slug)).body("title", equalTo("About Chorus"))
                .body("body", equalTo("We sing together.")).body("updatedAt", notNullValue());
    }

    @Test
    void anAdminReplacingAnExistingPageGets200AndTheNewContent() {
        String slug = slug();
        as("admin").body(page("Terms", "v1")).put("/api/pages/" + slug).then().statusCode(201);
        as("admin").body(page("Terms of use", "v2")).put("/api/pages/" + slug).then().statusCode(200)
                .body("title", equalTo("Terms of use"));

        given().get("/api/pages/" + slug).then().statusCode(200)
                .body("title", equalTo("Terms of use")).body("body", equalTo("v2"));
    }

    @Test
    void aUserWithoutTheAdminRoleGets403AndThePageIsNotWritten() {
        String slug = slug();
        as("user").body(page("Hacked", "x")).put("/api/pages/" + slug)
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/pages/" + slug).then().statusCode(404);
    }

    @Test
    void writingWithoutAValidTokenIs401() {
        String slug = slug();
        given().contentType(ContentType.JSON).body(page("T", "b")).put("/api/pages/" + slug)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.signedByOtherKey(UUID.randomUUID(), "mallory")).contentType(ContentType.JSON)
                .body(page("T", "b")).put("/api/pages/" + slug)
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/pages/" + slug).then().statusCode(404);
    }

    @Test
    void aMissingPageIs404ProblemJson() {
        given().get("/api/pages/" + slug()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/pages/Not_A_Slug").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadSlugIs400WithAFieldError() {
        as("admin").body(page("T", "b")).put("/api/pages/Bad_Slug")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(endsWith("slug")));
        as("admin").body(page("T", "b")).put("/api/pages/" + "a".repeat(65))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTooLongTitleABlankTitleOrATooLongBodyIs400WithFieldErrors() {
        as("admin").body(page("t".repeat(201), "b")).put("/api/pages/" + slug())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(endsWith("title")));
        as("admin").body(page(" ", "b")).put("/api/pages/" + slug())
                .then().statusCode(400).body("errors.field", hasItem(endsWith("title")));
        as("admin").body(page("T", "b".repeat(100_001))).put("/api/pages/" + slug())
                .then().statusCode(400).body("errors.field", hasItem(endsWith("body")));
        as("admin").body("{\"title\":\"T\"}").put("/api/pages/" + slug())
                .then().statusCode(400).body("errors.field", hasItem(endsWith("body")));
    }

    @Test
    void aBodyThatIsNotJsonIs400ProblemJson() {
        as("admin").body("{not json").put("/api/pages/" + slug())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyOfExactlyTheMaximumSizesIsAccepted() {
        as("admin").body(page("t".repeat(200), "b".repeat(100_000))).put("/api/pages/" + slug())
                .then().statusCode(201);
    }
}
