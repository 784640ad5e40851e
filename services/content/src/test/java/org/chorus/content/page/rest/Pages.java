package org.chorus.content.page.rest;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chorus.testing.TestJwt;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the page tests share: callers with and without the admin role, unique urls, and page bodies. */
final class Pages {

    static final String PROBLEM = "application/problem+json";
    static final UUID ADMIN_ID = UUID.randomUUID();

    private Pages() {}

    static RequestSpecification admin() {
        return as(ADMIN_ID, "user", "admin");
    }

    static RequestSpecification user() {
        return as(UUID.randomUUID(), "user");
    }

    static RequestSpecification as(UUID id, String... groups) {
        return given().auth().oauth2(TestJwt.token(id, "someone", groups)).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A language tag nobody else's test uses, so that a list filtered by it holds only this test's pages. */
    static String uniqueLanguage() {
        return "zz-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A word of random letters that no other page holds (consonant-vowel, so that stemmers leave it alone). */
    static String word() {
        String consonants = "bdfgklmnprtvz";
        String vowels = "aiou";
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            word.append(consonants.charAt(random.nextInt(consonants.length())));
            word.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return word.append(consonants.charAt(random.nextInt(consonants.length())))
                .toString();
    }

    /**
     * A short stem (consonant, vowel, consonant, "ok") that English stemming leaves as it is, e.g. "dabok": its
     * "-ing" and "-s" forms share one stem but too few trigrams for a trigram match (5 of 9).
     */
    static String stem() {
        return word().substring(0, 3) + "ok";
    }

    static Map<String, Object> page(String name, String url, String description) {
        Map<String, Object> page = new HashMap<>();
        page.put("name", name);
        page.put("url", url);
        page.put("description", description);
        return page;
    }

    static Map<String, Object> with(Map<String, Object> page, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(page);
        copy.put(field, value);
        return copy;
    }

    /** Creates a page as the admin and answers its id. */
    static String create(Map<String, Object> page) {
        return admin().body(page)
                .post("/api/pages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
