package org.chorus.content.page.rest;

import static io.restassured.RestAssured.given;
import static org.chorus.content.page.rest.Pages.PROBLEM;
import static org.chorus.content.page.rest.Pages.admin;
import static org.chorus.content.page.rest.Pages.create;
import static org.chorus.content.page.rest.Pages.page;
import static org.chorus.content.page.rest.Pages.unique;
import static org.chorus.content.page.rest.Pages.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PageVersionResourceTest {

    private static final List<String> CONTENT =
            List.of("name", "title", "url", "description", "language", "index", "place");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everySaveIsAVersionEachReadableInFullAndRestoringV1MakesV4EqualToV1() {
        String url = unique("history");
        UUID second = UUID.randomUUID();
        String id = create(with(with(page("History", url, "first text"), "title", "First"), "language", "en"));
        Pages.as(second, "admin")
                .body(Map.of("description", "second text", "index", 2))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        admin().body(Map.of("name", "History, third", "place", "header", "title", ""))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));

        given().get("/api/pages/" + id + "/versions")
                .then()
                .statusCode(200)
                .body("items.number", contains(3, 2, 1))
                .body("nextCursor", nullValue())
                .body("items[0].name", equalTo("History, third"))
                .body("items[0].savedAt", notNullValue())
                .body("items[1].savedBy", equalTo(second.toString()))
                .body("items[2].descriptionLength", equalTo("first text".length()))
                .body("items[0].description", nullValue());

        JsonPath v1 = version(id, 1);
        assertEquals(List.of("History", "First", url, "first text", "en", 0, "footer"), content(v1));
        assertEquals(Pages.ADMIN_ID.toString(), v1.getString("savedBy"));
        assertEquals(List.of("History", "First", url, "second text", "en", 2, "footer"), content(version(id, 2)));
        JsonPath v3 = version(id, 3);
        assertEquals(
                List.of("History, third", url, "second text", "en", 2, "header"),
                content(v3).stream().filter(v -> v != null).toList());
        assertNull(v3.get("title"));
        assertEquals(id, v3.getString("pageId"));

        String location = admin().post("/api/pages/" + id + "/versions/1/restore")
                .then()
                .statusCode(201)
                .body("version", equalTo(4))
                .body("name", equalTo("History"))
                .body("description", equalTo("first text"))
                .extract()
                .header("Location");
        assertEquals(true, location.endsWith("/api/pages/" + id + "/versions/4"), location);
        assertEquals(content(v1), content(version(id, 4)));
        JsonPath page =
                given().get("/api/pages/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(content(v1), content(page));
        assertEquals(4, page.getInt("version"));
        // the versions in between are untouched
        assertEquals(List.of("History", "First", url, "second text", "en", 2, "footer"), content(version(id, 2)));
        given().get("/api/pages/" + id + "/versions").then().body("items.number", contains(4, 3, 2, 1));
    }

    @Test
    void theVersionListIsPaginatedNewestFirst() {
        String id = create(page("Many", unique("many"), "v1"));
        for (int i = 2; i <= 5; i++) {
            admin().body(Map.of("description", "v" + i))
                    .patch("/api/pages/" + id)
                    .then()
                    .statusCode(200);
        }
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var answer = given().queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/pages/" + id + "/versions")
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(answer.path("items.number"));
            cursor = answer.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of(5, 4, 3, 2, 1), seen);
        assertEquals(3, pages);
    }

    @Test
    void badVersionNumbersPageIdsLimitsAndCursorsAre4xxProblemJson() {
        String id = create(page("Numbers", unique("numbers"), "text"));
        for (String number : List.of("0", "-1", "2", "abc", "1.0", "99999999999", "2147483648", "01")) {
            given().get("/api/pages/" + id + "/versions/" + number)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
            admin().post("/api/pages/" + id + "/versions/" + number + "/restore")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
        }
        for (String bad : List.of(
                "not-a-uuid", UUID.randomUUID().toString(), "1-1-1-1-1", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")) {
            given().get("/api/pages/" + bad + "/versions")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
            given().get("/api/pages/" + bad + "/versions/1")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
            admin().post("/api/pages/" + bad + "/versions/1/restore")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
        }
        for (String limit : List.of("0", "101", "x")) {
            given().queryParam("limit", limit)
                    .get("/api/pages/" + id + "/versions")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", endsWith("invalid-limit"));
        }
        for (String cursor : List.of("nope", b64("v.0"), b64("v.x"), b64("p.1"), b64("v.99999999999"))) {
            given().queryParam("cursor", cursor)
                    .get("/api/pages/" + id + "/versions")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", endsWith("invalid-cursor"));
        }
        given().get("/api/pages/" + id + "/versions/1").then().statusCode(200);
    }

    @Test
    void restoringAVersionWhoseUrlAnotherPageTookSinceIs409AndChangesNothing() throws SQLException {
        String oldUrl = unique("old");
        String id = create(page("Mover", oldUrl, "text"));
        admin().body(Map.of("url", unique("new")))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(200);
        create(page("Squatter", oldUrl, "mine now"));
        admin().post("/api/pages/" + id + "/versions/1/restore")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", endsWith("url-taken"));
        given().get("/api/pages/" + id).then().body("version", equalTo(2));
        assertEquals(2, versionRows(id));
    }

    @Test
    void deletingAPageDeletesEveryOneOfItsVersions() throws SQLException {
        String id = create(page("Doomed", unique("doomed"), "v1"));
        admin().body(Map.of("description", "v2"))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(200);
        admin().post("/api/pages/" + id + "/versions/1/restore").then().statusCode(201);
        assertEquals(3, versionRows(id));
        admin().delete("/api/pages/" + id).then().statusCode(204);
        assertEquals(0, versionRows(id));
        admin().post("/api/pages/" + id + "/versions/1/restore").then().statusCode(404);
    }

    @Test
    void adminsSavingOnePageAtOnceGetConsecutiveVersionsNeverTwoWithOneNumber() throws Exception {
        String id = create(page("Contested", unique("contested"), "v1"));
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String text = "writer " + i;
                boolean patch = i % 2 == 0;
                calls.add(() -> patch
                        ? admin().body(Map.of("description", text))
                                .patch("/api/pages/" + id)
                                .then()
                                .extract()
                                .statusCode()
                        : admin().post("/api/pages/" + id + "/versions/1/restore")
                                .then()
                                .extract()
                                .statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(true, List.of(200, 201).contains(status.get()), "status " + status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> numbers = given().queryParam("limit", 100)
                .get("/api/pages/" + id + "/versions")
                .then()
                .statusCode(200)
                .extract()
                .path("items.number");
        assertEquals(
                IntStream.rangeClosed(1, writers + 1)
                        .boxed()
                        .sorted((a, b) -> b - a)
                        .toList(),
                numbers);
        given().get("/api/pages/" + id).then().body("version", equalTo(writers + 1));
        assertEquals(writers + 1, versionRows(id));
    }

    private static JsonPath version(String id, int number) {
        return given().get("/api/pages/" + id + "/versions/" + number)
                .then()
                .statusCode(200)
                .body("number", equalTo(number))
                .extract()
                .jsonPath();
    }

    private static List<Object> content(JsonPath json) {
        List<Object> values = new ArrayList<>();
        CONTENT.forEach(field -> values.add(json.get(field)));
        return values;
    }

    private int versionRows(String pageId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from content.page_version where page_id = ?")) {
            count.setObject(1, UUID.fromString(pageId));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes());
    }
}
