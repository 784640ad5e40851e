package org.chorus.users.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.chorus.users.service.GraphService;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGStatement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A benchmark, not a test: its name keeps it out of {@code ./mvnw verify} (Surefire's default includes are
 * *Test, Test*, *Tests and *TestCase), and it runs only with {@code -Dbench=true}. It measures what a client
 * of the service sees: the real endpoints through HTTP (JWT verification, REST, Hibernate, PostgreSQL, JSON),
 * one client with keep-alive, on two graphs that {@code bench/seed.sql} builds (the same file {@code bench/run.sh}
 * feeds psql: its {@code :users}/{@code :friendships} variables are substituted here), one with the small and
 * one with the large number of friendships, both kept in the database (the one not measured under another
 * schema name, see {@link #use}) so that the two sizes are measured in alternating slices rather than minutes
 * apart: suggestions (first page, random users), suggestions for users whose first page is full, mutual
 * friends of two random users and of users who share friends, search by the prefix of a random user's name.
 * Every response must be 200.
 * <p>
 * Run: {@code ./mvnw -q -o -pl services/users test -Dtest=GraphBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (options: {@code -Dbench.users=100000 -Dbench.friendships-small=100000 -Dbench.friendships-large=1000000
 * -Dbench.seconds=40 -Dbench.warmup-seconds=10 -Dbench.pairs=8}). Results go to the console and {@code target/bench-results.txt},
 * EXPLAIN ANALYZE of the bench/*.sql copies at each size to {@code target/bench-plans.txt}.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class GraphBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BENCH = Path.of("bench");
    /** Tokens live 10 minutes; one minted more than 5 minutes ago is minted again (never inside the clock). */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(5);

    @TestHTTPResource("/")
    URL base;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<Integer, Minted> tokens = new HashMap<>();
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder plans = new StringBuilder();
    private int users;
    /** Where the graph that is not being measured keeps its tables. */
    private static final String PARKED = "users_parked";

    private Graph current;

    private record Minted(String token, Instant at) {}

    /** One request: its path and the seed number of the caller. */
    private record Call(String path, int caller) {}

    private interface Endpoint {
        Call next();
    }

    @Test
    void measure() throws Exception {
        users = Integer.getInteger("bench.users", 100_000);
        int small = Integer.getInteger("bench.friendships-small", 100_000);
        int large = Integer.getInteger("bench.friendships-large", 1_000_000);
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 40));
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 10));
        int pairs = Integer.getInteger("bench.pairs", 8);
        line(
                "# %s, %d cores, 1 client (JDK HttpClient, HTTP/1.1 keep-alive), %d users, warm-up >= %d s per size then "
                        + "until the JIT is quiet, %d s measured per endpoint and size in %d ABBA pairs of slices",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                users,
                warmUp.toSeconds(),
                duration.toSeconds(),
                pairs);
        try (Connection db = connect()) {
            line(
                    "# %s; shared_buffers %s, work_mem %s",
                    single(db, "select version()"), single(db, "show shared_buffers"), single(db, "show work_mem"));
            try (Statement statement = db.createStatement()) {
                statement.execute("drop schema if exists " + PARKED + " cascade");
            }
            Graph smaller = prepare(db, small, -1);
            // the smaller graph is parked and the service's schema made again by its own migrations, for the larger one
            try (Statement statement = db.createStatement()) {
                statement.execute("alter schema users rename to " + PARKED);
            }
            flyway.migrate();
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
            Graph larger = prepare(db, large, smaller.full().size());

            line("# load before the measurements: %s", uptime());
            compare(
                    db,
                    "suggestions",
                    smaller,
                    larger,
                    warmUp,
                    duration,
                    pairs,
                    graph -> () -> new Call("/api/friends/suggestions", random(users)));
            if (smaller.full().isEmpty()) {
                line("%-17s no user with a full first page at %s friendships", "suggestions-full", smaller.label());
            } else {
                compare(
                        db,
                        "suggestions-full",
                        smaller,
                        larger,
                        warmUp,
                        duration,
                        pairs,
                        graph -> () -> new Call(
                                "/api/friends/suggestions",
                                graph.full()
                                        .get(ThreadLocalRandom.current()
                                                .nextInt(graph.full().size()))));
            }
            // the only measured endpoint that reads the Redis profile cache (the other user's profile): emptied
            // before its warm-ups; the seeded profiles are the same in both graphs, so both sizes share what it holds
            line("# profile cache entries evicted before mutual: %d", evictProfileCache());
            compare(db, "mutual", smaller, larger, warmUp, duration, pairs, graph -> () -> {
                int me = random(users);
                int other = random(users - 1);
                other = other >= me ? other + 1 : other; // any user but the caller (mutual with oneself is a 404)
                return new Call("/api/friends/mutual/" + id(other), me);
            });
            // random pairs almost never share a friend (an empty page), so also pairs that do: each sampled user
            // with the candidate it shares the most friends with
            if (smaller.shared().isEmpty()) {
                line("%-17s no user with a friend of a friend at %s friendships", "mutual-shared", smaller.label());
            } else {
                compare(db, "mutual-shared", smaller, larger, warmUp, duration, pairs, graph -> () -> {
                    Shared pair = graph.shared()
                            .get(ThreadLocalRandom.current()
                                    .nextInt(graph.shared().size()));
                    return new Call("/api/friends/mutual/" + pair.other(), pair.caller());
                });
            }
            compare(db, "search", smaller, larger, warmUp, duration, pairs, graph -> () -> {
                int n = random(users);
                int me = random(users);
                return new Call("/api/users/search?q=" + URLEncoder.encode(searchTerm(n), StandardCharsets.UTF_8), me);
            });
            line("# load after the measurements: %s", uptime());
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-results.txt"), report);
        Files.writeString(Path.of("target", "bench-plans.txt"), plans);
    }

    /**
     * One seeded graph and what the measurements need of it. Its tables live in the schema {@code users}, the
     * service's, while it is measured, and in {@link #PARKED} while the other graph is.
     */
    private record Graph(int friendships, List<Integer> full, List<Shared> shared) {
        String label() {
            return String.format("%,d", friendships);
        }
    }

    /**
     * Seeds the service's schema with {@code friendships} friendships and finds the users the measurements call:
     * those with a full first page of suggestions (as many as {@code fullSample} when that is not -1, so that both
     * sizes work on the same number of users) and pairs that share friends; checks that the endpoints answer
     * what the phases assume, reports the plan cache and writes the EXPLAINs.
     */
    private Graph prepare(Connection db, int friendships, int fullSample) throws Exception {
        seed(db, friendships);
        // seed.sql derives ids as md5(n)::uuid; the calls below derive them in Java the same way
        assertEquals(single(db, "select md5('4242')::uuid"), id(4242).toString(), "id derivation");
        List<Integer> found = fullFirstPage(db);
        List<Integer> full = fullSample >= 0 ? sample(found, fullSample) : found;
        Graph graph = new Graph(friendships, full, sharedPairs(db));
        current = graph;
        line(
                "# %s friendships: %d users with a full first page (>= 21 candidates), %d sampled for suggestions-full",
                graph.label(), found.size(), full.size());
        line("# %s friendships: %s", graph.label(), planCache(db, full.isEmpty() ? List.of(1, 2, 3) : full));
        checkFullPages(full);
        for (Shared pair : graph.shared().subList(0, Math.min(20, graph.shared().size()))) {
            assertTrue(
                    get("/api/friends/mutual/" + pair.other(), pair.caller())
                                    .get("items")
                                    .size()
                            > 0,
                    "user " + pair.caller() + " shares a friend with " + pair.other());
        }
        checkSearchFindsTheUser();
        explain(db, friendships);
        return graph;
    }

    /**
     * Makes {@code graph} the one the service reads: both graphs' tables stay in the database, and the schema
     * names are exchanged in one transaction (a catalog change, instant), then the service's connection pool is
     * emptied so that no connection keeps a statement prepared against the other graph's tables.
     */
    private void use(Connection db, Graph graph) throws SQLException {
        if (graph == current) {
            return;
        }
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            statement.execute("alter schema users rename to users_swap");
            statement.execute("alter schema " + PARKED + " rename to users");
            statement.execute("alter schema users_swap rename to " + PARKED);
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        current = graph;
    }

    /**
     * One endpoint at both sizes: a warm-up on each (at least {@code warmUp}, then 3-second rounds until the JIT
     * compiled < 150 ms, 60 s at most), then {@code pairs} pairs of slices in ABBA order (small, large, large,
     * small, ...), {@code duration / pairs} each, every slice after a second of unmeasured calls on fresh
     * connections. This machine's speed drifts by tens of percent over minutes (other tenants): measured
     * minutes apart, as this benchmark did until 2026-11-23, the two sizes differed by the drift as much as by
     * the graph; interleaved, a drift that is linear over a pair weighs on both sizes alike.
     */
    private void compare(
            Connection db,
            String name,
            Graph small,
            Graph large,
            Duration warmUp,
            Duration duration,
            int pairs,
            Function<Graph, Endpoint> endpoints)
            throws Exception {
        Map<Graph, String> warmUps = new HashMap<>();
        for (Graph graph : List.of(small, large)) {
            use(db, graph);
            warmUps.put(graph, warmUp(endpoints.apply(graph), warmUp));
        }
        Duration slice = duration.dividedBy(pairs);
        Map<Graph, List<Result>> results = new HashMap<>(Map.of(small, new ArrayList<>(), large, new ArrayList<>()));
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            List<Graph> order = i % 2 == 0 ? List.of(small, large) : List.of(large, small);
            for (Graph graph : order) {
                use(db, graph);
                Endpoint endpoint = endpoints.apply(graph);
                run(endpoint, Duration.ofSeconds(1));
                results.get(graph).add(run(endpoint, slice));
            }
            ratios.add(String.format(
                    "%+.0f %%",
                    100
                            * (p95(List.of(results.get(large).get(i)))
                                            / p95(List.of(results.get(small).get(i)))
                                    - 1)));
        }
        for (Graph graph : List.of(small, large)) {
            Result r = Result.merge(results.get(graph));
            long[] ns = r.latencies();
            line(
                    "%-10s %-17s n=%-6d p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms  items/page=%5.1f  (warm-up %s)",
                    graph.label(),
                    name,
                    ns.length,
                    ms(percentile(ns, 0.50)),
                    ms(percentile(ns, 0.95)),
                    ms(percentile(ns, 0.99)),
                    ms(ns[ns.length - 1]),
                    r.items() / (double) ns.length,
                    warmUps.get(graph));
        }
        long[] s = Result.merge(results.get(small)).latencies();
        long[] l = Result.merge(results.get(large)).latencies();
        line(
                "%-10s %-17s p50 %+.0f %%, p95 %+.0f %% at %s friendships (p95 of the slice pairs: %s)",
                "growth",
                name,
                100 * (percentile(l, 0.50) / (double) percentile(s, 0.50) - 1),
                100 * (percentile(l, 0.95) / (double) percentile(s, 0.95) - 1),
                large.label(),
                String.join(", ", ratios));
    }

    private static double p95(List<Result> results) {
        return percentile(Result.merge(results).latencies(), 0.95);
    }

    /** At least {@code warmUp}, then 3-second rounds until the JIT compiled < 150 ms (60 s at most); says how long. */
    private String warmUp(Endpoint endpoint, Duration warmUp) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long warmUpStart = System.nanoTime();
        run(endpoint, warmUp);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long compiled;
        do {
            long before = jit.getTotalCompilationTime();
            run(endpoint, Duration.ofSeconds(3));
            compiled = jit.getTotalCompilationTime() - before;
        } while (compiled >= 150 && System.nanoTime() < deadline);
        return Duration.ofNanos(System.nanoTime() - warmUpStart).toSeconds() + " s"
                + (compiled >= 150 ? ", JIT still busy" : "");
    }

    /** The latencies (ns, sorted when merged) of one run and the items its pages held. */
    private record Result(long[] latencies, long items) {
        static Result merge(List<Result> results) {
            long[] all = results.stream()
                    .flatMapToLong(r -> Arrays.stream(r.latencies()))
                    .sorted()
                    .toArray();
            return new Result(all, results.stream().mapToLong(Result::items).sum());
        }
    }

    /** Calls the endpoint for {@code duration}; fails on any answer but 200 (a benchmark of 401s measures nothing). */
    private Result run(Endpoint endpoint, Duration duration) throws Exception {
        long[] latencies = new long[1024];
        int count = 0;
        long items = 0;
        int failures = 0;
        String firstFailure = null;
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Call call = endpoint.next();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base.toString()).resolve(call.path()))
                    .header("Authorization", "Bearer " + token(call.caller()))
                    .GET()
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = call.path() + " answered " + response.statusCode() + ": " + response.body();
                }
                continue;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
            items += JSON.readTree(response.body()).get("items").size();
        }
        assertEquals(0, failures, failures + " answers were not 200, the first: " + firstFailure);
        assertTrue(count > 0, "no request completed");
        return new Result(Arrays.copyOf(latencies, count), items);
    }

    /** bench/seed.sql, the file run.sh gives psql, with its psql variables substituted, one statement at a time. */
    private void seed(Connection db, int friendships) throws IOException, SQLException {
        String script = Files.readString(BENCH.resolve("seed.sql"))
                .lines()
                .filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n", "", "\n"));
        script = substitute(script, Map.of("users", users, "friendships", friendships));
        long started = System.nanoTime();
        StringBuilder counts = new StringBuilder();
        try (Statement statement = db.createStatement()) {
            for (String sql : script.split(";\\s*\n")) {
                if (sql.isBlank()) {
                    continue;
                }
                if (statement.execute(sql)) {
                    try (ResultSet rows = statement.getResultSet()) {
                        ResultSetMetaData meta = rows.getMetaData();
                        while (rows.next()) {
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                counts.append(' ')
                                        .append(meta.getColumnLabel(i))
                                        .append('=')
                                        .append(rows.getString(i));
                            }
                        }
                    }
                }
            }
        }
        line(
                "# seeded %,d friendships with bench/seed.sql in %d s:%s",
                friendships, Duration.ofNanos(System.nanoTime() - started).toSeconds(), counts);
        tokens.clear();
    }

    /** Replaces psql's {@code :name} (not {@code ::cast}); fails if the file uses a variable this does not know. */
    private static String substitute(String sql, Map<String, Integer> variables) {
        Matcher m = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Integer value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("unknown psql variable :" + m.group(1));
            }
            m.appendReplacement(out, value.toString());
        }
        return m.appendTail(out).toString();
    }

    /**
     * As many users as at the smaller size: at 100,000 friendships only a few dozen have a full page, and a few
     * dozen users' pages stay hot in every cache while 10,000 users' do not — the same number at both sizes
     * leaves the graph as the only difference (random users, the phase before, measure the realistic working set).
     */
    private static List<Integer> sample(List<Integer> users, int size) {
        if (users.size() <= size) {
            return users;
        }
        List<Integer> shuffled = new ArrayList<>(users);
        Collections.shuffle(shuffled, new Random(42));
        return List.copyOf(shuffled.subList(0, size));
    }

    /** Users whose first suggestions page is full, like run.sh's bench_full (up to 10,000, by seed number). */
    private List<Integer> fullFirstPage(Connection db) throws SQLException {
        List<Integer> full = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select g.n from generate_series(1, " + users + ") g(n) "
                        + "where exists (select 1 from friend_candidate c where c.user_id = md5(g.n::text)::uuid offset 20) "
                        + "order by g.n limit 10000")) {
            while (rows.next()) {
                full.add(rows.getInt(1));
            }
        }
        return full;
    }

    private record Shared(int caller, String other) {}

    /** Up to 10,000 users (by seed number) with the friend of a friend they share the most friends with. */
    private List<Shared> sharedPairs(Connection db) throws SQLException {
        List<Shared> pairs = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select g.n, c.candidate_id from generate_series(1, " + users
                        + ") g(n) cross join lateral (select candidate_id from friend_candidate c "
                        + "where c.user_id = md5(g.n::text)::uuid order by c.mutual desc, c.candidate_id limit 1) c "
                        + "order by g.n limit 10000")) {
            while (rows.next()) {
                pairs.add(new Shared(rows.getInt(1), rows.getString(2)));
            }
        }
        return pairs;
    }

    /** The full-page sample must really answer a full page through the endpoint, or the phase measures something else. */
    private void checkFullPages(List<Integer> full) throws Exception {
        for (int i = 0; i < Math.min(20, full.size()); i++) {
            JsonNode page = get("/api/friends/suggestions", full.get(i));
            assertEquals(20, page.get("items").size(), "full first page of user " + full.get(i));
            assertTrue(page.hasNonNull("nextCursor"), "a full first page has a next one");
        }
    }

    /** Search must find people, else its phase would time empty answers. */
    private void checkSearchFindsTheUser() throws Exception {
        int found = 0;
        for (int i = 0; i < 20; i++) {
            int n = random(users);
            JsonNode hits =
                    get("/api/users/search?q=" + searchTerm(n), n % users + 1).get("items");
            for (JsonNode hit : hits) {
                found += hit.get("id").asText().equals(id(n).toString()) ? 1 : 0;
            }
        }
        assertTrue(found >= 18, "search found the named user in only " + found + " of 20 samples");
    }

    private JsonNode get(String path, int caller) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                        .header("Authorization", "Bearer " + token(caller))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private long evictProfileCache() {
        List<String> keys = redis.key().keys("users:profile:*");
        for (int i = 0; i < keys.size(); i += 1000) {
            redis.key().del(keys.subList(i, Math.min(keys.size(), i + 1000)).toArray(String[]::new));
        }
        return keys.size();
    }

    /** EXPLAIN ANALYZE of the bench/*.sql copies of the service's queries, as run.sh's plans() does. */
    private void explain(Connection db, int friendships) throws IOException, SQLException {
        plans.append("==== plans at ").append(friendships).append(" friendships ====\n");
        for (String q : List.of("suggestions", "suggestions-page2", "mutual", "search")) {
            String sql = Files.readString(BENCH.resolve(q + ".sql"))
                    .lines()
                    .filter(l -> !l.startsWith("\\set") && !l.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .strip()
                    .replaceAll(";$", "");
            sql = substitute(sql, Map.of("n", 42, "o", 4242, "me", 7, "users", users));
            plans.append("---- ").append(q).append(" ----\n");
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("explain (analyze, buffers, costs off) " + sql)) {
                while (rows.next()) {
                    plans.append(rows.getString(1)).append('\n');
                }
            }
        }
    }

    /**
     * How PostgreSQL plans the service's suggestions statement with this size's statistics: prepared on this
     * connection as pgjdbc prepares it for the service, run for ten users, then {@code pg_prepared_statements}
     * says how many runs took the generic plan and how many were planned afresh for their user (five custom
     * plans come first; a statement that stays on custom plans pays the planning on every request).
     */
    private static String planCache(Connection db, List<Integer> sample) throws SQLException {
        String sql = GraphService.suggestionsSql(false, 20).replaceAll(":me\\b", "?");
        int parameters = (int) sql.chars().filter(c -> c == '?').count();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            for (int i = 0; i < 10; i++) {
                UUID user = id(sample.get(i % sample.size()));
                for (int p = 1; p <= parameters; p++) {
                    statement.setObject(p, user);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
            }
            String counts = single(
                    db,
                    "select coalesce((select generic_plans || ' generic, ' || custom_plans || ' custom' "
                            + "from pg_prepared_statements where statement like '%friend_candidate%' and not from_sql), "
                            + "'not server-prepared')");
            try (Statement deallocate = db.createStatement()) {
                deallocate.execute("deallocate all");
            }
            return "suggestions statement in PostgreSQL's plan cache, 10 runs: " + counts;
        }
    }

    /** A connection of its own (not the service's pool): seed.sql changes session settings. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Connection db = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
        try (Statement statement = db.createStatement()) {
            statement.execute("set search_path to users, public");
        }
        return db;
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private String token(int n) {
        Minted minted = tokens.get(n);
        if (minted == null || minted.at().isBefore(Instant.now().minus(TOKEN_REUSE))) {
            minted = new Minted(TestJwt.token(id(n), username(n), "user"), Instant.now());
            tokens.put(n, minted);
        }
        return minted.token();
    }

    /** seed.sql's profile id of user n: md5(n::text)::uuid. */
    static UUID id(int n) {
        String hex = md5(Integer.toString(n));
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** seed.sql's username of user n: substr(md5('u' || n), 1, 10) || n. */
    private static String username(int n) {
        return md5("u" + n).substring(0, 10) + n;
    }

    /** search.sql's term: substr(md5('u' || n), 1, 8), a prefix of user n's name. */
    private static String searchTerm(int n) {
        return md5("u" + n).substring(0, 8);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int random(int bound) {
        return 1 + ThreadLocalRandom.current().nextInt(bound);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            try {
                return "loadavg " + Files.readString(Path.of("/proc/loadavg")).strip();
            } catch (IOException ignored) {
                return "unknown";
            }
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
