package org.chorus.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chorus.local.bad.DocumentedAnswers;
import org.chorus.local.bad.Gateway;
import org.chorus.local.bad.Mutations;
import org.chorus.local.bad.Mutations.BadRequest;
import org.chorus.local.bad.Operation;
import org.chorus.local.bad.RawHttp;
import org.chorus.local.bad.ServiceLogs;
import org.chorus.local.bad.Verdict;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every operation of every service's OpenAPI document, fed a fixed set of malformed requests through the gateway — with
 * a member's token, without one, and (where the operation takes input) with an admin's: wrong types, missing, extra and duplicate fields, 1 MB strings, deep nesting, NUL
 * and invalid UTF-8, bad path ids, bad query values, wrong content types, empty bodies, a long URL and a huge header.
 * No answer may be a 5xx, every 4xx is problem+json with an X-Request-Id, no body names the implementation, every
 * answer's status and media type are ones its operation documents, and no process logs an ERROR with a stack trace
 * meanwhile. The operations come from the documents, so a new one is covered without a line changed here.
 */
@ExtendWith(RunningSuite.class)
@Order(1) // first, while the logs are quiet: SuiteIT stops and restarts Kafka, which the clients log as errors
class BadInputIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration BUDGET = Duration.ofMinutes(8);
    private static final int THREADS = 3;
    private static final int MAX_FINDINGS_SHOWN = 120;

    @Test
    void noMalformedRequestGetsA5xxAnAnswerOutsideTheContractOrALeak() throws Exception {
        Suite suite = RunningSuite.suite();
        List<Operation> operations = new ArrayList<>();
        for (String service : Part.SERVICES) {
            operations.addAll(Operation.all(service, new ObjectMapper().readTree(openApi(suite.url(service)))));
        }
        assertTrue(operations.size() >= Part.SERVICES.size(), "the documents name operations: " + operations);

        Gateway gateway = new Gateway(suite.gatewayUrl(), 1, REQUEST_TIMEOUT);
        ServiceLogs logs = ServiceLogs.mark(
                Path.of(System.getProperty("chorus.root", "../..")).resolve("deploy/local/target/e2e-logs"));
        Queue<String> findings = new ConcurrentLinkedQueue<>();
        Queue<String> notRun = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        long started = System.nanoTime();
        ThreadLocal<Gateway.Member[]> members = ThreadLocal.withInitial(() -> new Gateway.Member[2]);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            InetAddress from = gateway.address(i);
            tasks.add(pool.submit(() -> {
                if (System.nanoTime() > deadline) {
                    notRun.add(operation.key());
                    return;
                }
                Gateway.Member[] member = members.get();
                // a mutation may have logged the last one out or deleted it
                if (member[0] == null || !gateway.stillValid(member[0])) {
                    member[0] = gateway.signUp();
                }
                if (member[1] == null || !gateway.stillValid(member[1])) {
                    member[1] =
                            gateway.signUpWithRole("admin", RunningSuite.infra().kafkaBootstrap());
                }
                // an admin's token reaches the input handling behind role checks; an operation without input has none
                boolean takesInput = !operation.parameters().isEmpty() || operation.bodyMediaType() != null;
                List<String[]> callers = new ArrayList<>();
                callers.add(new String[] {"member", member[0].accessToken()});
                callers.add(new String[] {"anonymous", null});
                if (takesInput) {
                    callers.add(new String[] {"admin", member[1].accessToken()});
                }
                for (BadRequest request : Mutations.of(operation)) {
                    for (String[] caller : callers) {
                        String token = caller[1];
                        String requestId = "bad-input-" + sent.incrementAndGet();
                        Map<String, String> headers = new java.util.LinkedHashMap<>(request.headers());
                        headers.put("X-Request-Id", requestId);
                        String who = caller[0];
                        try {
                            RawHttp.Answer answer = gateway.send(
                                    from, request.method(), request.target(), token, headers, request.body());
                            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger())
                                    .incrementAndGet();
                            List<String> broken = new ArrayList<>(Verdict.of(answer));
                            DocumentedAnswers.check(operation, answer).forEach(b -> broken.add("undocumented: " + b));
                            for (String rule : broken) {
                                findings.add(operation.service() + " " + operation.key() + " — " + request.label()
                                        + " (" + who + ", " + requestId + "): " + rule + "\n      request: "
                                        + request.describe());
                            }
                        } catch (UncheckedIOException e) {
                            findings.add(
                                    operation.service() + " " + operation.key() + " — " + request.label() + " (" + who
                                            + ", " + requestId + "): no answer (" + e.getCause() + ")\n      request: "
                                            + request.describe());
                        }
                    }
                }
            }));
        }
        pool.shutdown();
        for (Future<?> task : tasks) {
            task.get(BUDGET.toSeconds() + 120, TimeUnit.SECONDS);
        }
        Thread.sleep(1_000); // let the processes flush what they log about the last requests

        List<String> logged = logs.errorsWithStackTraces();
        System.out.printf(
                "BadInputIT: %d operations, %d requests in %d s, statuses %s, %d findings, %d logged errors%n",
                operations.size(),
                sent.get(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                new TreeMap<>(statuses),
                findings.size(),
                logged.size());

        StringBuilder report = new StringBuilder();
        if (!notRun.isEmpty()) {
            report.append("not run within ")
                    .append(BUDGET)
                    .append(": ")
                    .append(notRun)
                    .append('\n');
        }
        if (!findings.isEmpty()) {
            // a summary per broken rule, then every server error and leak in full, then a sample of the rest
            report.append(findings.size()).append(" answers break the contract:\n");
            Map<String, Long> perRule = new TreeMap<>();
            findings.forEach(f -> perRule.merge(rule(f), 1L, Long::sum));
            perRule.forEach((rule, count) ->
                    report.append("  ").append(count).append(" × ").append(rule).append('\n'));
            List<String> sorted = findings.stream()
                    .sorted((a, b) -> Integer.compare(rank(a), rank(b)))
                    .toList();
            sorted.stream()
                    .limit(MAX_FINDINGS_SHOWN)
                    .forEach(f -> report.append("  ").append(f).append('\n'));
        }
        if (!logged.isEmpty()) {
            report.append(logged.size()).append(" ERROR entries with a stack trace were logged meanwhile:\n");
            logged.stream().limit(40).forEach(l -> report.append("  ").append(l).append('\n'));
        }
        if (!report.isEmpty()) {
            System.out.println(report);
            fail(report.toString());
        }
    }

    @Test
    void everyDocumentNamesEveryOperationSaysWhoMayCallItAndSharesTheProblemSchema() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String service : Part.SERVICES) {
            com.fasterxml.jackson.databind.JsonNode document =
                    new ObjectMapper().readTree(openApi(RunningSuite.suite().url(service)));
            com.fasterxml.jackson.databind.JsonNode problem = document.at("/components/schemas/Problem");
            if (!problem.path("properties").has("type")
                    || !problem.path("properties").has("errors")) {
                wrong.add(service + ": no shared Problem schema in components: " + problem);
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Operation operation : Operation.all(service, document)) {
                String where = service + " " + operation.key();
                if (operation.operationId() == null || operation.operationId().isBlank()) {
                    wrong.add(where + ": no operationId");
                } else if (!ids.add(operation.operationId())) {
                    wrong.add(where + ": operationId " + operation.operationId() + " is used twice");
                }
                if (!operation.declaresSecurity()) {
                    wrong.add(where + ": states no security (a public operation says security: [])");
                }
                for (String status : List.of("400", "401", "429")) {
                    if (!operation
                            .responses()
                            .getOrDefault(status, java.util.Set.of())
                            .contains("application/problem+json")) {
                        wrong.add(where + ": " + status + " is not documented as application/problem+json");
                    }
                }
                if (operation.responses().keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                    wrong.add(where + ": no success response documented");
                }
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    /** The rule a finding breaks, without the request: "500 (a server error …)", "414 without X-Request-Id". */
    private static String rule(String finding) {
        String broken = finding.substring(finding.indexOf("): ") + 3, finding.indexOf("\n"));
        int leak = broken.indexOf("\": ");
        return leak < 0 ? broken : broken.substring(0, leak + 1);
    }

    /** Server errors first, then leaks and missing answers, then the rest of the contract. */
    private static int rank(String finding) {
        String rule = rule(finding);
        return rule.startsWith("5") ? 0 : rule.contains("leaks") || rule.startsWith("no answer") ? 1 : 2;
    }

    private static String openApi(String serviceUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(serviceUrl + "/q/openapi?format=json"))
                                    .timeout(REQUEST_TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(serviceUrl + "/q/openapi answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
