package org.chorus.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The checks the every-endpoint tests run on each {@link DocumentedOperation} of a service: what no valid token, a
 * malformed id or a body that is no JSON object must answer. Which operations each applies to is the service's
 * business (its public reads, its own rules); what the answer must be is the same everywhere.
 */
public final class EndpointSweeps {

    /** Path ids that name nothing: not UUIDs, a short form, an escaped percent, a bad hex digit. */
    public static final List<String> MALFORMED_IDS =
            List.of("not-a-uuid", "1-1-1-1-1", "%25", "00000000-0000-0000-0000-00000000000g");

    /** Bodies that are not a JSON object at all. */
    public static final List<String> NOT_A_JSON_OBJECT = List.of("{not json", "[1,2]", "\"text\"", "{\"a\":", "null");

    private EndpointSweeps() {}

    /** Called without a token: a 401 problem that challenges for a bearer token. */
    public static void assertNeedsAToken(DocumentedOperation op, String id) {
        Response response = op.call(given().contentType("application/json").body("{}"), id);
        assertEquals(401, response.statusCode(), op + " without a token");
        assertProblem(op + " without a token", response);
        assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), op + " challenges for a bearer token");
    }

    /** Called with an expired token, one signed by another key and garbage: a 401 problem each time. */
    public static void assertRefusesBadTokens(DocumentedOperation op, UUID user, String username, String id) {
        for (String token :
                List.of(TestJwt.expired(user, username), TestJwt.signedByOtherKey(user, username), "not.a.jwt")) {
            Response response = op.call(
                    given().auth().oauth2(token).contentType("application/json").body("{}"), id);
            assertEquals(401, response.statusCode(), op + " with a bad token");
            assertProblem(op + " with a bad token", response);
        }
    }

    /** Called as {@code caller} with each of {@code ids} in its path: a 4xx problem, never a 5xx. */
    public static void assertMalformedIdsAre4xx(
            DocumentedOperation op, Supplier<RequestSpecification> caller, String body, List<String> ids) {
        for (String bad : ids) {
            Response response =
                    op.call(caller.get().contentType("application/json").body(body), bad);
            int status = response.statusCode();
            assertTrue(status >= 400 && status < 500, op + " with id " + bad + " → " + status);
            assertProblem(op + " with id " + bad, response);
        }
    }

    /** Called as {@code caller} with each of {@code bodies}: a 400 problem; with a text/plain body: a 415 problem. */
    public static void assertRefusesBadBodies(
            DocumentedOperation op, Supplier<RequestSpecification> caller, String id, List<String> bodies) {
        for (String bad : bodies) {
            Response response =
                    op.call(caller.get().contentType("application/json").body(bad), id);
            assertEquals(400, response.statusCode(), op + " with body " + bad);
            assertProblem(op + " with body " + bad, response);
        }
        Response text = op.call(caller.get().contentType("text/plain").body("hello"), id);
        assertEquals(415, text.statusCode(), op + " with text/plain");
        assertProblem(op + " with text/plain", text);
    }

    private static void assertProblem(String what, Response response) {
        String type = response.contentType();
        assertTrue(type != null && type.startsWith("application/problem+json"), what + " → " + type);
    }
}
