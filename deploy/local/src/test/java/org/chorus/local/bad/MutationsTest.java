package org.chorus.local.bad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class MutationsTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","security":[],
             "paths":{
              "/api/things/{id}":{
                "patch":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
                         "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Patch"}}}},
                         "security":[{"jwt":[]}]},
                "get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},
                                     {"name":"limit","in":"query","schema":{"type":"integer"}},
                                     {"name":"cursor","in":"query","schema":{"type":"string"}}]}},
              "/api/things/{id}/archive":{"post":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]}}},
             "components":{"schemas":{"Patch":{"type":"object","required":["name"],
               "properties":{"name":{"type":"string"},"count":{"type":["integer","null"]},"tags":{"type":"array","items":{"type":"string"}}}}}}}
            """;

    private final List<Operation> operations = Operation.all("things", read(DOCUMENT));

    @Test
    void readsEveryOperationWithItsParametersResolvedBodyAndSecurity() {
        assertEquals(List.of("PATCH /api/things/{id}", "GET /api/things/{id}", "POST /api/things/{id}/archive"),
                operations.stream().map(Operation::key).toList());
        Operation patch = operations.get(0);
        assertTrue(patch.secured());
        assertFalse(operations.get(1).secured());
        assertEquals("object", Samples.type(patch.bodySchema()));
        assertEquals("integer", Samples.type(patch.bodySchema().path("properties").path("count")));
        assertEquals(List.of("limit", "cursor"), operations.get(1).in("query").stream().map(Operation.Parameter::name).toList());
    }

    @Test
    void aBodyOperationGetsEveryKindOfBrokenBodyAndBadPathIds() {
        List<Mutations.BadRequest> requests = Mutations.of(operations.get(0));
        Map<String, Mutations.BadRequest> byLabel = requests.stream()
                .collect(java.util.stream.Collectors.toMap(Mutations.BadRequest::label, r -> r, (a, b) -> a));

        assertEquals("{\"name\":12345,\"count\":1,\"tags\":[\"sample\"]}", text(byLabel.get("wrong type for name")));
        assertEquals("{\"name\":\"sample\",\"count\":\"not a number\",\"tags\":[\"sample\"]}",
                text(byLabel.get("wrong type for count")));
        assertTrue(text(byLabel.get("duplicate key name")).startsWith("{\"name\":\"first\",\"name\":"));
        assertTrue(byLabel.get("1 MB strings").body().length > Mutations.MEGABYTE);
        assertTrue(text(byLabel.get("deep nesting (body)")).startsWith("[".repeat(Mutations.NESTING)));
        assertTrue(text(byLabel.get("NUL in strings")).contains("nul\\u0000inside"));
        assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(byLabel.get("invalid UTF-8").body())));
        assertEquals(0, byLabel.get("empty body").body().length);
        assertEquals("text/plain", byLabel.get("text/plain body").headers().get("Content-Type"));
        assertFalse(byLabel.get("no Content-Type").headers().containsKey("Content-Type"));
        assertEquals(64 * 1024, byLabel.get("huge header").headers().get("X-Padding").length());
        assertTrue(byLabel.get("long URL").target().length() > 10 * 1024);
        for (String bad : Mutations.BAD_PATH_VALUES) {
            assertTrue(requests.stream().anyMatch(r -> r.target().equals("/api/things/" + bad)), bad);
        }
        assertTrue(requests.stream().allMatch(r -> r.method().equals("PATCH")));
    }

    @Test
    void queryParametersGetBadValuesAndABodilessPostAnUnexpectedBody() {
        List<String> targets = Mutations.of(operations.get(1)).stream().map(Mutations.BadRequest::target).toList();
        for (String bad : List.of("abc", "-1", "999999999999", "%00", "%FF")) {
            assertTrue(targets.stream().anyMatch(t -> t.endsWith("?limit=" + bad)), bad);
            assertTrue(targets.stream().anyMatch(t -> t.endsWith("?cursor=" + bad)), bad);
        }
        List<String> labels = Mutations.of(operations.get(2)).stream().map(Mutations.BadRequest::label).toList();
        assertTrue(labels.contains("unexpected JSON body"), labels.toString());
    }

    @Test
    void theVerdictRefusesA5xxAPlain4xxAndALeak() {
        RawHttp.Answer fine = new RawHttp.Answer(400,
                Map.of("content-type", "application/problem+json", "x-request-id", "r"), "{\"title\":\"Bad\"}".getBytes());
        assertEquals(List.of(), Verdict.of(fine));
        assertEquals(1, Verdict.of(new RawHttp.Answer(500, Map.of(), new byte[0])).size());
        assertEquals(2, Verdict.of(new RawHttp.Answer(414, Map.of(), new byte[0])).size());
        assertEquals(1, Verdict.of(new RawHttp.Answer(400, fine.headers(),
                "{\"detail\":\"com.fasterxml.jackson.core.JsonParseException: x\"}".getBytes())).size());
    }

    @Test
    void onlyAnErrorEntryWithStackFramesCountsAsALoggedTrace() {
        assertTrue(ServiceLogs.isErrorWithStackTrace(List.of(
                "2026-12-03 14:00:00,123 ERROR [io.qua.ver.htt.run.QuarkusErrorHandler] (executor-thread-1) HTTP Request failed",
                "java.lang.IllegalArgumentException: boom", "\tat org.chorus.X.y(X.java:1)")));
        assertFalse(ServiceLogs.isErrorWithStackTrace(List.of(
                "2026-12-03 14:00:00,123 WARN  [org.chorus] (executor-thread-1) odd", "\tat org.chorus.X.y(X.java:1)")));
        assertFalse(ServiceLogs.isErrorWithStackTrace(List.of(
                "2026-12-03 14:00:00,123 ERROR [org.chorus] (executor-thread-1) no trace")));
        assertTrue(ServiceLogs.isErrorWithStackTrace(List.of("2026-12-03 14:00:00,123 ERROR [io.qua.res.rea.jac.run.map."
                + "NativeInvalidDefinitionExceptionMapper] (executor-thread-3) com.fasterxml.jackson.databind.exc."
                + "InvalidDefinitionException: No fallback setter/field defined for creator property 'password'")));
    }

    private static String text(Mutations.BadRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
