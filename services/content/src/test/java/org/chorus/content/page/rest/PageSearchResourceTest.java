package org.chorus.content.page.rest;

import static io.restassured.RestAssured.given;
import static org.chorus.content.page.rest.Pages.PROBLEM;
import static org.chorus.content.page.rest.Pages.admin;
import static org.chorus.content.page.rest.Pages.create;
import static org.chorus.content.page.rest.Pages.page;
import static org.chorus.content.page.rest.Pages.unique;
import static org.chorus.content.page.rest.Pages.with;
import static org.chorus.content.page.rest.Pages.word;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PageSearchResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPartialWordFindsThePageByTrigramsWithoutAToken() {
        String word = word();
        String id = create(page("The " + word + " guide", unique("guide"), "How it works."));
        String partial = word.substring(0, word.length() - 1);
        given().queryParam("q", partial)
                .get("/api/search/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].name", equalTo("The " + word + " guide"))
                .body("items[0].description", nullValue())
                .body("nextCursor", nullValue());
        given().queryParam("q", word.toUpperCase())
                .get("/api/search/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void aStemmedWordFindsAnEnglishPageThatTrigramsAloneWouldMiss() throws SQLException {
        String stem = Pages.stem();
        String query = stem + "ing";
        String document = "Everything about " + stem + "s, for everyone.";
        // the premise: trigram similarity alone does not reach the threshold, so only stemming can find it
        assertTrue(wordSimilarity(query, document) < 0.6, "premise: trigrams alone do not match");
        String english = create(with(page("Notes", unique("notes"), document), "language", "en"));
        given().queryParam("q", query)
                .get("/api/search/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(english));
        // a page without a language is read word by word ("simple"): no stemming, so no hit
        String plain = create(page("Plain notes", unique("plain"), document));
        given().queryParam("q", query)
                .get("/api/search/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(english));
        given().queryParam("q", stem + "s")
                .get("/api/search/pages")
                .then()
                .statusCode(200)
                .body("items.id.size()", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.hasItems(english, plain));
    }

    @Test
    void aHitInTheNameRanksAboveAHitInTheDescription() {
        String word = word();
        String inBody = create(page("Something else", unique("body"), "A long text that mentions " + word + " once."));
        String inName = create(page(word, unique("name"), "Unrelated text."));
        String inTitle =
                create(with(page("Another thing", unique("title"), "Unrelated text."), "title", word + " here"));
        var answer = given().queryParam("q", word)
                .get("/api/search/pages")
                .then()
                .statusCode(200)
                .body("items.id", contains(inName, inTitle, inBody))
                .extract();
        List<Float> scores = answer.path("items.score");
        assertTrue(scores.get(0) > scores.get(1) && scores.get(1) > scores.get(2), scores.toString());
    }

    @Test
    void hitsArePaginatedWithoutRepeatsOrGapsAndADeletedPageIsNoLongerFound() {
        String word = word();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(page(word + " part " + i, unique("part"), "Text " + i + " about " + word)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var answer = given().queryParam("q", word)
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/search/pages")
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(answer.path("items.id"));
            cursor = answer.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(5, seen.size(), seen.toString());
        assertEquals(ids.stream().sorted().toList(), seen.stream().sorted().toList());

        admin().delete("/api/pages/" + ids.get(0)).then().statusCode(204);
        List<String> after = given().queryParam("q", word)
                .queryParam("limit", 100)
                .get("/api/search/pages")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(
                ids.subList(1, 5).stream().sorted().toList(),
                after.stream().sorted().toList());
    }

    @Test
    void aPatchedPageIsFoundByItsNewWordsOnly() {
        String before = word();
        String after = word();
        String id = create(page(before, unique("renamed"), "text"));
        admin().body(Map.of("name", after)).patch("/api/pages/" + id).then().statusCode(200);
        given().queryParam("q", after).get("/api/search/pages").then().body("items.id", contains(id));
        given().queryParam("q", before).get("/api/search/pages").then().body("items", empty());
    }

    @Test
    void aBadQueryLimitOrCursorIs400ProblemJson() {
        // a NUL is refused before the resource by platform/web's rule for every service (invalid-request-target)
        given().queryParam("q", "nul\u0000here")
                .get("/api/search/pages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        for (String q : List.of("", "   ", "q".repeat(201))) {
            given().queryParam("q", q)
                    .get("/api/search/pages")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", endsWith("invalid-query"));
        }
        given().get("/api/search/pages").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("q", "q".repeat(200)).get("/api/search/pages").then().statusCode(200);
        // whatever the words, the query is only text: no syntax error can reach PostgreSQL
        for (String q : List.of("a & b | !c", "\"unclosed", "-", "(", "%_\\", "' or 1=1 --", ":*", "<->")) {
            given().queryParam("q", q).get("/api/search/pages").then().statusCode(200);
        }
        given().queryParam("q", "x")
                .queryParam("limit", "0")
                .get("/api/search/pages")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("invalid-limit"));
        for (String cursor : List.of(
                "nope",
                b64("s.x.y"),
                b64("s.2143289344.00000000-0000-0000-0000-000000000000"),
                b64("v.1"),
                b64("s.1.1-1-1-1-1"))) {
            given().queryParam("q", "x")
                    .queryParam("cursor", cursor)
                    .get("/api/search/pages")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", endsWith("invalid-cursor"));
        }
    }

    private double wordSimilarity(String query, String text) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement similarity = connection.prepareStatement("select public.word_similarity(?, ?)")) {
            similarity.setString(1, query);
            similarity.setString(2, text);
            try (ResultSet rows = similarity.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes());
    }
}
