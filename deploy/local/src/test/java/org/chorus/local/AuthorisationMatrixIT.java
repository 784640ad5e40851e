package org.chorus.local;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.local.bad.DocumentedAnswers;
import org.chorus.local.bad.Gateway;
import org.chorus.local.bad.MatrixRow;
import org.chorus.local.bad.Operation;
import org.chorus.local.bad.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code authorisation-matrix.csv} — every operation of every service's OpenAPI document × {anonymous, owner, other
 * user, moderator, admin} → the expected outcome — run against the suite through the gateway. An operation missing from
 * the table fails; a 2xx the table does not grant fails; any other outcome than the table's fails.
 */
@ExtendWith(RunningSuite.class)
@Order(2)
class AuthorisationMatrixIT {

    private static final String TABLE = "/authorisation-matrix.csv";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static List<MatrixRow> rows;
    static Gateway gateway;
    /** Every documented operation by key ("GET /api/users/{id}"). */
    static Map<String, Operation> documented;

    @BeforeAll
    static void readTheTable() {
        try (InputStream csv = AuthorisationMatrixIT.class.getResourceAsStream(TABLE)) {
            rows = MatrixRow.read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateway = new Gateway(RunningSuite.suite().gatewayUrl(), 2, TIMEOUT);
        documented = new LinkedHashMap<>();
        for (String service : Part.SERVICES) {
            try {
                JsonNode document =
                        new ObjectMapper().readTree(openApi(RunningSuite.suite().url(service)));
                Operation.all(service, document).forEach(o -> documented.put(o.key(), o));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void everyOperationOfEveryDocumentHasARow() {
        Set<String> inTable = new LinkedHashSet<>();
        rows.forEach(r -> inTable.add(r.key()));
        List<String> missing = new ArrayList<>();
        for (Operation operation : documented.values()) {
            if (!inTable.contains(operation.key())) {
                missing.add(
                        operation.method() + "," + operation.path() + ",?,?,?,?,?,,," + "   # " + operation.service());
            }
        }
        assertTrue(documented.size() >= Part.SERVICES.size(), "the documents name operations");
        if (!missing.isEmpty()) {
            fail(missing.size() + " operations have no row in " + TABLE + ":\n" + String.join("\n", missing));
        }
        List<String> stale =
                inTable.stream().filter(k -> !documented.containsKey(k)).toList();
        assertTrue(stale.isEmpty(), "rows for operations no document names: " + stale);
    }

    @Test
    void theDocumentsSayWhichOperationsArePublicAsTheTableDoes() {
        // issue 13: "security: [] on public operations" — and a token requirement on every other one
        List<String> wrong = new ArrayList<>();
        for (MatrixRow row : rows) {
            Operation operation = documented.get(row.key());
            if (operation == null) {
                continue; // everyOperationOfEveryDocumentHasARow names it
            }
            // a public operation may still answer an anonymous caller 401 (login's wrong password), so only one way
            String anonymous = row.expected().get("anonymous");
            if (operation.secured() && !anonymous.equals("401")) {
                wrong.add(row.key() + " (line " + row.line() + "): the document says it needs a token, but anonymous"
                        + " callers get " + anonymous + " (a public operation is security: [])");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyCallerGetsWhatTheTableSaysAndNoUnauthorised2xx() {
        Map<String, Gateway.Member> shared = new HashMap<>();
        Map<String, Gateway.Member> privileged = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        AtomicInteger checked = new AtomicInteger();
        InetAddress from = gateway.address(0);
        for (MatrixRow row : rows) {
            Map<String, Gateway.Member> members = row.fresh() || shared.isEmpty() ? newMembers() : shared;
            if (shared.isEmpty()) {
                shared.putAll(members);
            }
            if (!gateway.stillValid(members.get("owner")) || !gateway.stillValid(members.get("other"))) {
                members = newMembers();
                shared.clear();
                shared.putAll(members);
            }
            for (String role : List.of("moderator", "admin")) {
                // a row may log the caller out or delete it: each role keeps a member whose token works
                if (!privileged.containsKey(role) || !gateway.stillValid(privileged.get(role))) {
                    privileged.put(
                            role,
                            gateway.signUpWithRole(role, RunningSuite.infra().kafkaBootstrap()));
                }
            }
            Map<String, String> fixtures = fixtures(row, members);
            // the owner last: what it is allowed to do may use the thing up
            for (String caller : List.of("anonymous", "other", "moderator", "admin", "owner")) {
                String expected = row.expected().get(caller);
                if (expected.equals("skip")) {
                    skipped.add(row.key() + " as " + caller);
                    continue;
                }
                String token = switch (caller) {
                    case "anonymous" -> null;
                    case "owner", "other" -> members.get(caller).accessToken();
                    default -> privileged.get(caller).accessToken();
                };
                String target = fill(row.target(), fixtures);
                String body = row.body() == null ? null : fill(row.body(), fixtures);
                RawHttp.Answer answer = gateway.send(
                        from,
                        row.method(),
                        target,
                        token,
                        body == null ? Map.of() : Map.of("Content-Type", "application/json"),
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
                checked.incrementAndGet();
                int status = answer.status();
                Operation operation = documented.get(row.key());
                if (operation != null) {
                    for (String broken : DocumentedAnswers.check(operation, answer)) {
                        wrong.add("UNDOCUMENTED: " + row.key() + " as " + caller + ": " + broken + " (line "
                                + row.line() + ")\n      answer: "
                                + answer.text()
                                        .substring(
                                                0, Math.min(240, answer.text().length())));
                    }
                }
                if (!MatrixRow.Outcome.matches(expected, status)) {
                    boolean unauthorised = status >= 200 && status < 300 && !MatrixRow.Outcome.grants(expected);
                    wrong.add((unauthorised ? "UNAUTHORISED 2xx: " : "") + row.key() + " as " + caller + ": " + status
                            + ", the table (line " + row.line() + ") says " + expected + "\n      request: "
                            + row.method()
                            + " " + target + (body == null ? "" : " body " + body) + "\n      answer: "
                            + answer.text()
                                    .substring(0, Math.min(240, answer.text().length())));
                }
            }
        }
        System.out.printf(
                "AuthorisationMatrixIT: %d rows, %d checks, %d wrong, not run: %s%n",
                rows.size(), checked.get(), wrong.size(), skipped);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " outcomes differ from the table:\n  " + String.join("\n  ", wrong));
        }
    }

    private static Map<String, Gateway.Member> newMembers() {
        Map<String, Gateway.Member> members = new LinkedHashMap<>();
        members.put("owner", gateway.signUp());
        members.put("other", gateway.signUp());
        return members;
    }

    /**
     * The things a row's request names ({owner}, {other}, {random}, {ownerSession}, {ownerCredential},
     * {requestFromOwner}, {requestToOwner}, {blockedByOwner}, {mutedByOwner}, {ownerPost} (friends only: other is no friend),
     * {ownerComment} (on that post); {unique} is filled per request), made for it by the owner (or, for what is addressed
     * to the owner, by other).
     */
    private static Map<String, String> fixtures(MatrixRow row, Map<String, Gateway.Member> members) {
        Map<String, String> fixtures = new HashMap<>();
        Gateway.Member owner = members.get("owner");
        Gateway.Member other = members.get("other");
        Matcher names = PLACEHOLDER.matcher(row.target() + " " + (row.body() == null ? "" : row.body()));
        InetAddress from = gateway.address(1);
        while (names.find()) {
            String name = names.group(1);
            if (fixtures.containsKey(name) || name.equals("unique")) {
                continue;
            }
            String value = switch (name) {
                case "owner" -> owner.id();
                case "other" -> other.id();
                case "random" -> UUID.randomUUID().toString();
                case "ownerSession" -> {
                    JsonNode sessions = Gateway.read(
                            gateway.send(from, "GET", "/api/auth/sessions", owner.accessToken(), Map.of(), null));
                    String id = null;
                    for (JsonNode session : sessions.path("items")) {
                        if (session.path("current").asBoolean()) {
                            id = session.path("id").asText();
                        }
                    }
                    yield require(id, "the owner's current session", sessions);
                }
                case "ownerCredential" ->
                    created(
                            gateway.json(
                                    from,
                                    "POST",
                                    "/api/auth/credentials",
                                    owner.accessToken(),
                                    Map.of("name", "matrix")),
                            "the owner's API credential");
                case "requestFromOwner" ->
                    created(
                            gateway.json(
                                    from,
                                    "POST",
                                    "/api/friends/requests",
                                    owner.accessToken(),
                                    Map.of("toUserId", other.id())),
                            "a friend request from the owner to other");
                case "requestToOwner" ->
                    created(
                            gateway.json(
                                    from,
                                    "POST",
                                    "/api/friends/requests",
                                    other.accessToken(),
                                    Map.of("toUserId", owner.id())),
                            "a friend request from other to the owner");
                case "ownerPost" ->
                    created(
                            gateway.json(
                                    from,
                                    "POST",
                                    "/api/posts",
                                    owner.accessToken(),
                                    Map.of("text", "friends only, by the matrix", "visibility", "friends")),
                            "a friends-only post of the owner");
                case "ownerComment" -> {
                    String post = fixtures.computeIfAbsent(
                            "ownerPost",
                            p -> created(
                                    gateway.json(
                                            from,
                                            "POST",
                                            "/api/posts",
                                            owner.accessToken(),
                                            Map.of("text", "friends only, by the matrix", "visibility", "friends")),
                                    "a friends-only post of the owner"));
                    yield created(
                            gateway.json(
                                    from,
                                    "POST",
                                    "/api/posts/" + post + "/comments",
                                    owner.accessToken(),
                                    Map.of("text", "a comment of the matrix")),
                            "the owner's comment on its post");
                }
                case "blockedByOwner", "mutedByOwner" -> {
                    String what = name.equals("blockedByOwner") ? "blocks" : "mutes";
                    RawHttp.Answer done = gateway.send(
                            from,
                            "PUT",
                            "/api/users/me/" + what + "/" + other.id(),
                            owner.accessToken(),
                            Map.of(),
                            null);
                    if (done.status() / 100 != 2) {
                        throw new IllegalStateException("the owner could not do PUT /api/users/me/" + what + ": "
                                + done.status() + " " + done.text());
                    }
                    yield other.id();
                }
                default ->
                    throw new IllegalArgumentException("line " + row.line() + ": no fixture named {" + name + "}");
            };
            fixtures.put(name, value);
        }
        return fixtures;
    }

    private static String created(RawHttp.Answer answer, String what) {
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("could not make " + what + ": " + answer.status() + " " + answer.text());
        }
        return require(Gateway.read(answer).path("id").asText(null), what, Gateway.read(answer));
    }

    private static String require(String value, String what, JsonNode from) {
        if (value == null) {
            throw new IllegalStateException("no id for " + what + " in " + from);
        }
        return value;
    }

    private static String fill(String template, Map<String, String> fixtures) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            // {unique}: new for every request, e.g. a username each caller takes for itself
            String value = placeholder.group(1).equals("unique")
                    ? UUID.randomUUID().toString().substring(0, 8)
                    : fixtures.get(placeholder.group(1));
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static String openApi(String serviceUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(serviceUrl + "/q/openapi?format=json"))
                                    .timeout(TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
