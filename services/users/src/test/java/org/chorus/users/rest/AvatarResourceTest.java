package org.chorus.users.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import javax.imageio.ImageIO;

import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AvatarResourceTest {

    @Test
    void svgIsPublicDeterministicAndCacheable() {
        UUID id = UUID.randomUUID();
        String first = given().get("/api/users/" + id + "/avatar")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("max-age"))
                .body(startsWith("<svg"))
                .extract()
                .asString();
        String again = given().get("/api/users/" + id + "/avatar.svg")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(first, again);
        String other = given().get("/api/users/" + UUID.randomUUID() + "/avatar.svg")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(first.equals(other), "different ids give different pictures");
    }

    @Test
    void pngIsARealImage() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] png = given().get("/api/users/" + id + "/avatar.png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("ETag", notNullValue())
                .extract()
                .asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(240, image.getWidth());
        assertEquals(240, image.getHeight());
        assertArrayEquals(
                png,
                given().get("/api/users/" + id + "/avatar.png").then().extract().asByteArray());
    }

    @Test
    void matchingIfNoneMatchIs304AndAStaleOneIs200() {
        UUID id = UUID.randomUUID();
        String etag =
                given().get("/api/users/" + id + "/avatar.png").then().extract().header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/users/" + id + "/avatar.png")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"stale\"")
                .get("/api/users/" + id + "/avatar.png")
                .then()
                .statusCode(200);
        // the SVG is another representation with its own tag
        given().header("If-None-Match", etag)
                .get("/api/users/" + id + "/avatar.svg")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void malformedIdsAre404() {
        given().get("/api/users/not-a-uuid/avatar.png").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/users/1-1-1-1-1/avatar").then().statusCode(404);
    }
}
