package org.chorus.content.page.rest;

import static io.restassured.RestAssured.given;
import static org.chorus.content.page.rest.Pages.PROBLEM;
import static org.chorus.content.page.rest.Pages.admin;
import static org.chorus.content.page.rest.Pages.create;
import static org.chorus.content.page.rest.Pages.page;
import static org.chorus.content.page.rest.Pages.unique;
import static org.chorus.content.page.rest.Pages.user;
import static org.chorus.content.page.rest.Pages.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PageResourceTest {

    @Test
    void anAdminCreatesAPageWith201AndLocationAndAnyoneReadsItByIdAndByUrlWithoutAToken() {
        String url = unique("help") + "/getting-started";
        String location = admin().body(with(
                        with(
                                with(
                                        page("Getting started", url, "# Hello\n\n<b>not html</b>"),
                                        "title",
                                        "Getting started with Chorus"),
                                "language",
                                "en"),
                        "index",
                        3))
                .post("/api/pages")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("version", equalTo(1))
                .body("place", equalTo("footer"))
                .body("index", equalTo(3))
                .body("updatedBy", equalTo(Pages.ADMIN_ID.toString()))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(id, UUID.fromString(id).toString());

        given().get("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Getting started"))
                .body("title", equalTo("Getting started with Chorus"))
                .body("url", equalTo(url))
                .body("description", equalTo("# Hello\n\n<b>not html</b>"))
                .body("language", equalTo("en"))
                .body("index", equalTo(3))
                .body("place", equalTo("footer"))
                .body("version", equalTo(1))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        given().get("/api/pages/by-url/" + url).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aPageWithOnlyTheRequiredFieldsGetsTheDefaults() {
        String id = create(page("Minimal", unique("minimal"), ""));
        given().get("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("title", nullValue())
                .body("language", nullValue())
                .body("index", equalTo(0))
                .body("place", equalTo("footer"))
                .body("description", equalTo(""));
    }

    @Test
    void aPatchChangesOnlyTheFieldsSentAndMakesTheNextVersion() {
        String url = unique("terms");
        String id = create(with(with(page("Terms", url, "v1 text"), "title", "Terms of use"), "language", "en"));
        UUID editor = UUID.randomUUID();

        Pages.as(editor, "admin")
                .body(Map.of("description", "v2 text", "place", "header"))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("description", equalTo("v2 text"))
                .body("place", equalTo("header"))
                .body("name", equalTo("Terms"))
                .body("title", equalTo("Terms of use"))
                .body("url", equalTo(url))
                .body("language", equalTo("en"))
                .body("updatedBy", equalTo(editor.toString()));

        // an empty title or language clears it; null leaves a field as it is
        admin().body("{\"title\":\"\",\"language\":\"\",\"name\":null}")
                .patch("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3))
                .body("title", nullValue())
                .body("language", nullValue())
                .body("name", equalTo("Terms"));
        given().get("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3))
                .body("description", equalTo("v2 text"))
                .body("title", nullValue());
    }

    @Test
    void aPatchThatIsEmptyHasUnknownFieldsOrBadValuesIs400AndChangesNothing() {
        String id = create(page("Stable", unique("stable"), "text"));
        admin().body("{}").patch("/api/pages/" + id).then().statusCode(400).contentType(PROBLEM);
        admin().body(Map.of("version", 7))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(endsWith("version")));
        admin().body(Map.of("name", " "))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("name")));
        admin().body(Map.of("url", "Bad Url"))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("url")));
        admin().body(Map.of("index", -1))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("index")));
        admin().body(Map.of("place", "basement"))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().get("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("name", equalTo("Stable"));
    }

    @Test
    void patchingOrDeletingAMissingPageOrANonIdIs404ProblemJson() {
        admin().body(Map.of("name", "x"))
                .patch("/api/pages/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        admin().body(Map.of("name", "x"))
                .patch("/api/pages/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        admin().delete("/api/pages/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        admin().delete("/api/pages/1-1-1-1-1").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void readingAMissingPageOrANonIdOrAUrlThatCannotExistIs404ProblemJson() {
        given().get("/api/pages/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404));
        given().get("/api/pages/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/pages/1-1-1-1-1").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/pages/by-url/" + unique("nothing-here"))
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().get("/api/pages/by-url/Upper/Case").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/pages/by-url/a//b").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/pages/by-url/" + "a".repeat(201))
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aPageWhoseUrlIsAWordOfTheApiIsStillReadByUrl() {
        for (String url : List.of("versions", "by-url", "versions/1")) {
            String existing =
                    given().get("/api/pages/by-url/" + url).then().extract().path("id");
            String id = existing != null ? existing : create(page("Word " + url, url, "x"));
            given().get("/api/pages/by-url/" + url).then().statusCode(200).body("id", equalTo(id));
        }
    }

    @Test
    void deletingAPageIs204AndItIsGoneWithItsVersions() {
        String url = unique("gone");
        String id = create(page("Gone", url, "text"));
        admin().delete("/api/pages/" + id).then().statusCode(204);
        given().get("/api/pages/" + id).then().statusCode(404);
        given().get("/api/pages/by-url/" + url).then().statusCode(404);
        given().get("/api/pages/" + id + "/versions").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/pages/" + id + "/versions/1").then().statusCode(404).contentType(PROBLEM);
        // the url is free again
        create(page("Back", url, "text"));
    }

    @Test
    void aUserWithoutTheAdminRoleCanNeverWriteAPage() {
        String url = unique("owned");
        String id = create(page("Owned", url, "text"));
        user().body(page("Hacked", unique("hacked"), "x"))
                .post("/api/pages")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        user().body(Map.of("name", "Hacked"))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        user().delete("/api/pages/" + id).then().statusCode(403).contentType(PROBLEM);
        user().post("/api/pages/" + id + "/versions/1/restore")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        // moderators are not administrators either
        Pages.as(UUID.randomUUID(), "user", "moderator")
                .delete("/api/pages/" + id)
                .then()
                .statusCode(403);

        given().get("/api/pages/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Owned"))
                .body("version", equalTo(1));
        given().get("/api/pages/" + id + "/versions").then().statusCode(200).body("items.number", contains(1));
    }

    @Test
    void writingWithoutAValidTokenIs401() {
        String id = create(page("Locked", unique("locked"), "text"));
        given().contentType(ContentType.JSON)
                .body(page("T", unique("t"), "b"))
                .post("/api/pages")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .patch("/api/pages/" + id)
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().delete("/api/pages/" + id).then().statusCode(401).contentType(PROBLEM);
        given().post("/api/pages/" + id + "/versions/1/restore")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestJwt.signedByOtherKey(UUID.randomUUID(), "mallory"))
                .delete("/api/pages/" + id)
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestJwt.expired(UUID.randomUUID(), "late"))
                .delete("/api/pages/" + id)
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().get("/api/pages/" + id).then().statusCode(200).body("name", equalTo("Locked"));
    }

    @Test
    void theOldPutBySlugIsGone() {
        admin().body(Map.of("title", "T", "body", "b"))
                .put("/api/pages/" + unique("slug"))
                .then()
                .statusCode(405)
                .contentType(PROBLEM);
    }

    @Test
    void aUrlTakenByAnotherPageIs409OnCreateAndOnPatch() {
        String url = unique("taken");
        String first = create(page("First", url, "a"));
        admin().body(page("Second", url, "b"))
                .post("/api/pages")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", endsWith("url-taken"));
        String other = create(page("Other", unique("other"), "c"));
        admin().body(Map.of("url", url))
                .patch("/api/pages/" + other)
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        given().get("/api/pages/" + other).then().body("version", equalTo(1));
        // a page may keep its own url
        admin().body(Map.of("url", url, "name", "First again"))
                .patch("/api/pages/" + first)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void adminsCreatingTheSameUrlAtOnceGetOne201AndOtherwise409NeverA500() throws Exception {
        String url = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "Racer " + i;
                calls.add(() -> admin().body(page(name, url, "x"))
                        .post("/api/pages")
                        .then()
                        .extract()
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingOrInvalidFieldsAre400WithFieldErrors() {
        Map<String, Object> good = page("Name", unique("good"), "text");
        record Case(Map<String, Object> body, String field) {}
        List<Case> cases = List.of(
                new Case(with(good, "name", null), "name"),
                new Case(with(good, "name", ""), "name"),
                new Case(with(good, "name", "   "), "name"),
                new Case(with(good, "name", "n".repeat(201)), "name"),
                new Case(with(good, "name", "tab\there"), "name"),
                new Case(with(good, "name", "nul\u0000"), "name"),
                new Case(with(good, "title", "t".repeat(201)), "title"),
                new Case(with(good, "url", null), "url"),
                new Case(with(good, "url", ""), "url"),
                new Case(with(good, "url", "/leading"), "url"),
                new Case(with(good, "url", "trailing/"), "url"),
                new Case(with(good, "url", "double//slash"), "url"),
                new Case(with(good, "url", "Upper"), "url"),
                new Case(with(good, "url", "spa ce"), "url"),
                new Case(with(good, "url", "dots/../up"), "url"),
                new Case(with(good, "url", "a".repeat(201)), "url"),
                new Case(with(good, "description", null), "description"),
                new Case(with(good, "description", "d".repeat(100_001)), "description"),
                new Case(with(good, "description", "nul\u0000here"), "description"),
                new Case(with(good, "language", "english language"), "language"),
                new Case(with(good, "language", "en-" + "a".repeat(14)), "language"),
                new Case(with(good, "index", -1), "index"),
                new Case(with(good, "index", "first"), "index"),
                new Case(with(good, "place", "basement"), "place"),
                new Case(with(good, "id", UUID.randomUUID().toString()), "id"),
                new Case(with(good, "version", 9), "version"));
        for (Case c : cases) {
            admin().body(c.body())
                    .post("/api/pages")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem(endsWith(c.field())));
        }
        admin().body(with(good, "index", 99_999_999_999L))
                .post("/api/pages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        admin().body("{not json").post("/api/pages").then().statusCode(400).contentType(PROBLEM);
        admin().body("[]").post("/api/pages").then().statusCode(400).contentType(PROBLEM);
        admin().post("/api/pages").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/pages/by-url/" + good.get("url")).then().statusCode(404);
    }

    @Test
    void fieldsOfExactlyTheMaximumSizesAreAccepted() {
        String url = "u".repeat(190) + "/" + UUID.randomUUID().toString().substring(0, 9);
        admin().body(with(
                        with(
                                with(page("n".repeat(200), url, "d".repeat(100_000)), "title", "t".repeat(200)),
                                "language",
                                "en-" + "a".repeat(8) + "-bc"),
                        "index",
                        Integer.MAX_VALUE))
                .post("/api/pages")
                .then()
                .statusCode(201)
                .body("url", equalTo(url));
    }

    @Test
    void theListFiltersByPlaceAndLanguageAndIsOrderedByIndexThenName() {
        String language = Pages.uniqueLanguage();
        String b = create(with(with(page("B", unique("b"), "x"), "language", language), "index", 1));
        String a = create(with(with(page("A", unique("a"), "x"), "language", language), "index", 1));
        String z = create(with(with(page("Z", unique("z"), "x"), "language", language), "index", 0));
        String side = create(with(
                with(with(page("Side", unique("side"), "x"), "language", language), "index", 0), "place", "sidebar"));
        create(page("Other language", unique("other"), "x"));

        given().queryParam("language", language)
                .get("/api/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(side, z, a, b))
                .body("nextCursor", nullValue());
        given().queryParam("language", language)
                .queryParam("place", "footer")
                .get("/api/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(z, a, b));
        given().queryParam("language", language)
                .queryParam("place", "sidebar")
                .get("/api/pages")
                .then()
                .body("items.id", contains(side))
                .body("items[0].place", equalTo("sidebar"));
        given().queryParam("language", language)
                .queryParam("place", "event")
                .get("/api/pages")
                .then()
                .body("items", empty());
        // an empty filter is no filter
        given().queryParam("language", language)
                .queryParam("place", "")
                .get("/api/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(side, z, a, b));
    }

    @Test
    void theListIsPaginatedByCursorWithoutRepeatsOrGaps() {
        String language = Pages.uniqueLanguage();
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Alpha", "Beta", "Gamma", "Delta", "Epsilon")) {
            ids.add(create(with(page(name, unique("p"), "x"), "language", language)));
        }
        // by index (all 0), then name
        List<String> expected = List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4), ids.get(2));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var answer = given().queryParam("language", language)
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/pages")
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(answer.path("items.id"));
            cursor = answer.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @Test
    void badListParametersAre400ProblemJson() {
        for (String limit : List.of("0", "101", "-1", "ten", "1.5", "99999999999")) {
            given().queryParam("limit", limit)
                    .get("/api/pages")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", endsWith("invalid-limit"));
        }
        for (String cursor : List.of(
                "garbage",
                "!!!",
                "dj4x",
                java.util.Base64.getUrlEncoder()
                        .encodeToString("p.-1.00000000-0000-0000-0000-000000000000.x".getBytes()),
                java.util.Base64.getUrlEncoder().encodeToString("p.1.1-1-1-1-1.x".getBytes()),
                java.util.Base64.getUrlEncoder()
                        .encodeToString("p.1.00000000-0000-0000-0000-000000000000.a\u0000".getBytes()),
                java.util.Base64.getUrlEncoder()
                        .encodeToString("s.1.00000000-0000-0000-0000-000000000000".getBytes()))) {
            given().queryParam("cursor", cursor)
                    .get("/api/pages")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", endsWith("invalid-cursor"));
        }
        given().queryParam("place", "basement")
                .get("/api/pages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("place", "FOOTER")
                .get("/api/pages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("language", "x\u0000")
                .get("/api/pages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("language", "a".repeat(17))
                .get("/api/pages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void theOpenApiDocumentSaysWhatTheEndpointsAnswerAndWhichNeedAToken() {
        var doc = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("jwt"), doc.getList("paths.'/api/pages'.post.security.collect { it.keySet() }.flatten()"));
        assertEquals(List.of(), doc.getList("paths.'/api/pages'.get.security"), "public: security []");
        assertEquals(List.of(), doc.getList("paths.'/api/pages/{id}'.get.security"), "public: security []");
        assertEquals(List.of(), doc.getList("paths.'/api/search/pages'.get.security"), "public: security []");
        assertEquals(
                List.of("jwt"),
                doc.getList("paths.'/api/pages/{id}'.patch.security.collect { it.keySet() }.flatten()"));
        assertEquals(
                List.of("jwt"),
                doc.getList("paths.'/api/pages/{id}'.delete.security.collect { it.keySet() }.flatten()"));
        assertEquals(
                List.of("jwt"),
                doc.getList(
                        "paths.'/api/pages/{id}/versions/{number}/restore'.post.security.collect { it.keySet() }.flatten()"));
        for (String code : List.of("201", "400", "401", "403", "409")) {
            assertEquals(true, doc.getMap("paths.'/api/pages'.post.responses").containsKey(code), code);
        }
        assertEquals(false, doc.getMap("paths.'/api/pages'.post.responses").containsKey("200"));
        assertEquals(true, doc.getMap("paths.'/api/pages'.get.responses").containsKey("200"));
        assertEquals(
                true, doc.getMap("paths.'/api/pages/{id}'.delete.responses").containsKey("204"));
        assertEquals(
                true,
                doc.getMap("paths.'/api/pages/{id}/versions/{number}/restore'.post.responses")
                        .containsKey("201"));
        assertNull(doc.get("paths.'/api/pages/{slug}'"));
    }
}
