package org.chorus.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The document of a service that adds nothing itself (ProbeResource): what ProblemDocumentFilter makes of it. */
@QuarkusTest
class ProblemDocumentFilterTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private static JsonPath document() {
        return given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theSharedProblemSchemaIsInTheComponents() {
        JsonPath doc = document();
        assertEquals(List.of("type", "title", "status"), doc.getList("components.schemas.Problem.required"));
        assertEquals(
                "#/components/schemas/ProblemFieldError",
                doc.getString("components.schemas.Problem.properties.errors.items.$ref"));
    }

    @Test
    void everyOperationDocumentsTheErrorsEveryRequestCanGetAsProblemJson() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertFalse(paths.isEmpty());
        Set<String> ids = new HashSet<>();
        paths.forEach((path, item) -> item.keySet().forEach(method -> {
            String op = "paths.'" + path + "'." + method;
            for (String status : List.of("400", "401", "429")) {
                assertEquals(
                        PROBLEM_REF,
                        doc.getString(
                                op + ".responses.'" + status + "'.content.'application/problem+json'.schema.$ref"),
                        method + " " + path + " " + status);
            }
            String id = doc.getString(op + ".operationId");
            assertTrue(id != null && ids.add(id), method + " " + path + ": operationId " + id);
            assertTrue(doc.get(op + ".security") != null, method + " " + path + " states its security");
        }));
    }

    @Test
    void aPublicOperationSaysSoAndASecuredOneMayBeForbidden() {
        JsonPath doc = document();
        assertEquals(List.of(), doc.getList("paths.'/probe/search'.get.security"));
        assertFalse(doc.getMap("paths.'/probe/search'.get.responses").containsKey("403"));
        assertFalse(doc.getList("paths.'/probe/secured'.get.security").isEmpty());
        assertEquals(
                PROBLEM_REF,
                doc.getString(
                        "paths.'/probe/secured'.get.responses.'403'.content.'application/problem+json'.schema.$ref"));
    }

    @Test
    void pathIdsMayBeNotFoundAndBodiesOfTheWrongTypeUnsupported() {
        JsonPath doc = document();
        assertTrue(doc.getMap("paths.'/probe/items/{id}'.get.responses").containsKey("404"));
        assertFalse(doc.getMap("paths.'/probe/search'.get.responses").containsKey("404"));
        assertTrue(doc.getMap("paths.'/probe'.post.responses").containsKey("415"));
        assertTrue(doc.getMap("paths.'/probe'.post.responses").containsKey("409"));
        assertFalse(doc.getMap("paths.'/probe/search'.get.responses").containsKey("409"));
        assertFalse(doc.getMap("paths.'/probe/search'.get.responses").containsKey("415"));
        // a status the operation documents itself keeps its description and gets the shared schema
        assertEquals(
                PROBLEM_REF,
                doc.getString(
                        "paths.'/probe/conflict'.get.responses.'409'.content.'application/problem+json'.schema.$ref"));
    }

    @Test
    void operationIdsComeFromMethodAndPath() {
        assertEquals(
                "getUsersByIdAvatarPng",
                ProblemDocumentFilter.operationId(PathItem.HttpMethod.GET, "/api/users/{id}/avatar.png"));
        assertEquals(
                "postFriendsRequestsByIdAccept",
                ProblemDocumentFilter.operationId(PathItem.HttpMethod.POST, "/api/friends/requests/{id}/accept"));
        assertEquals(
                "getPagesByUrlByUrl",
                ProblemDocumentFilter.operationId(PathItem.HttpMethod.GET, "/api/pages/by-url/{url: .+}"));
    }
}
