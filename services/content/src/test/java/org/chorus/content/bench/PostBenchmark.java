package org.chorus.content.bench;

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
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.chorus.content.service.CommentService;
import org.chorus.content.service.FeedService;
import org.chorus.content.service.PostReader;
import org.chorus.content.service.SearchService;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TestJwt;
import org.chorus.web.KeysetCursor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A benchmark, not a test: its name keeps it out of {@code ./mvnw verify} (Surefire's default includes are
 * *Test, Test*, *Tests and *TestCase), and it runs only with {@code -Dbench=true}. It measures what a client of the
 * service sees (JWT verification and the deny-list check, REST, SQL, JSON) on two data sets that {@code bench/seed.sql}
 * builds — the same users and graph, the small and the large number of posts (with their comments and reactions) —
 * both kept in the database, the one not measured under the schema name {@link #PARKED}, so that the two sizes are
 * measured in alternating slices (ABBA) rather than minutes apart, as services/users' GraphBenchmark does. Then the
 * home feed's throughput: a closed loop of {@code bench.threads} client threads for {@code bench.throughput-seconds}
 * at each size. Every answer must be 200.
 * <p>
 * Run: see {@code services/content/bench/README.md}. Results go to the console and {@code target/bench-results.txt},
 * EXPLAIN (ANALYZE, BUFFERS) of the service's own statements at each size to {@code target/bench-plans.txt}.
 * {@code -Dbench.reuse=true} keeps both data sets when they match the sizes and seed.sql (a schema comment says
 * which), so a second run skips the seeding.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PostBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BENCH = Path.of("bench");
    private static final String SCHEMA = "content";
    /** Where the data set that is not being measured keeps its tables. */
    private static final String PARKED = "content_parked";
    /** Tokens live 10 minutes; one minted more than 5 minutes ago is minted again (never inside the clock). */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(5);
    /** seed.sql's syllables: word k of the vocabulary is spelled from k's base-24 digits. */
    private static final String[] SYLLABLES = {
        "ka", "ri", "mo", "te", "lu", "san", "vi", "do", "ne", "pa", "ro", "li", "mu", "zo", "fe", "ga", "hi", "jo",
        "bel", "cu", "wa", "yo", "xin", "qu"
    };

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<Integer, Minted> tokens = new ConcurrentHashMap<>();
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder plans = new StringBuilder();
    private int users;
    /** -Dbench.endpoints=home,home-page2,...: measure only those (all when empty); home-throughput is one of them. */
    private final List<String> only = List.of(
                    System.getProperty("bench.endpoints", "").split(","))
            .stream()
            .map(String::strip)
            .filter(e -> !e.isEmpty())
            .toList();

    private int friendships;
    private DataSet current;

    private record Minted(String token, Instant at) {}

    /** One request: its path and the seed number of the caller. */
    private record Call(String path, int caller) {}

    private interface Endpoint {
        Call next();
    }

    /** A post a caller may read (public, not hidden, author not suspended, no block between them). */
    private record Read(int post, int caller) {}

    /** A caller and the cursor of their home feed's second page. */
    private record Later(int caller, String cursor) {}

    /** One seeded data set and what the measurements need of it. */
    private record DataSet(int posts, List<Read> reads, List<Later> later) {
        String label() {
            return String.format("%,d", posts);
        }
    }

    @Test
    void measure() throws Exception {
        users = Integer.getInteger("bench.users", 100_000);
        friendships = Integer.getInteger("bench.friendships", 1_000_000);
        int small = Integer.getInteger("bench.posts-small", 100_000);
        int large = Integer.getInteger("bench.posts-large", 1_000_000);
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 40));
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 10));
        int pairs = Integer.getInteger("bench.pairs", 8);
        int threads = Integer.getInteger("bench.threads", 8);
        Duration throughput = Duration.ofSeconds(Long.getLong("bench.throughput-seconds", 20));
        boolean reuse = Boolean.getBoolean("bench.reuse");
        line(
                "# %s, %d cores, 1 client (JDK HttpClient, HTTP/1.1 keep-alive), %,d users, %,d friendships, %,d and %,d "
                        + "posts; warm-up >= %d s per size then until the JIT is quiet, %d s measured per endpoint and size "
                        + "in %d ABBA pairs of slices",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                users,
                friendships,
                small,
                large,
                warmUp.toSeconds(),
                duration.toSeconds(),
                pairs);
        try (Connection db = connect()) {
            line(
                    "# %s; shared_buffers %s, work_mem %s",
                    single(db, "select version()"), single(db, "show shared_buffers"), single(db, "show work_mem"));
            String seedHash = md5(Files.readString(BENCH.resolve("seed.sql")));
            String smallMark = mark(small, seedHash);
            String largeMark = mark(large, seedHash);
            boolean kept = reuse
                    && new HashSet<>(List.of(smallMark, largeMark))
                            .equals(new HashSet<>(List.of(comment(db, SCHEMA), comment(db, PARKED))))
                    && !smallMark.equals(largeMark);
            DataSet smaller;
            DataSet larger;
            if (kept) {
                line("# reusing the data sets kept in schemas %s and %s (-Dbench.reuse=true)", SCHEMA, PARKED);
                // the kept data sets get any migration added since they were seeded
                if (!comment(db, SCHEMA).equals(largeMark)) {
                    swap(db);
                }
                migrate();
                swap(db);
                migrate();
                current = null;
                smaller = prepare(db, small);
                swap(db);
                larger = prepare(db, large);
            } else {
                try (Statement statement = db.createStatement()) {
                    statement.execute("drop schema if exists " + PARKED + " cascade");
                }
                seed(db, small, smallMark);
                smaller = prepare(db, small);
                // the smaller data set is parked and the service's schema made again by its own migrations
                try (Statement statement = db.createStatement()) {
                    statement.execute("alter schema " + SCHEMA + " rename to " + PARKED);
                }
                migrate();
                seed(db, large, largeMark);
                larger = prepare(db, large);
            }
            current = larger;

            line("# load before the measurements: %s", uptime());
            compare(
                    db,
                    "home",
                    smaller,
                    larger,
                    warmUp,
                    duration,
                    pairs,
                    set -> () -> new Call("/api/feed/home", caller()));
            compare(db, "home-page2", smaller, larger, warmUp, duration, pairs, set -> () -> {
                Later later = pick(set.later());
                return new Call(
                        "/api/feed/home?cursor=" + URLEncoder.encode(later.cursor(), StandardCharsets.UTF_8),
                        later.caller());
            });
            compare(
                    db,
                    "public",
                    smaller,
                    larger,
                    warmUp,
                    duration,
                    pairs,
                    set -> () -> new Call("/api/feed/public", caller()));
            compare(db, "post", smaller, larger, warmUp, duration, pairs, set -> () -> {
                Read read = pick(set.reads());
                return new Call("/api/posts/" + post(read.post()), read.caller());
            });
            compare(db, "comments", smaller, larger, warmUp, duration, pairs, set -> () -> {
                Read read = pick(set.reads());
                return new Call("/api/posts/" + post(read.post()) + "/comments", read.caller());
            });
            // what people look for: a word of the vocabulary, uniformly (mostly the long tail) ...
            compare(
                    db,
                    "search",
                    smaller,
                    larger,
                    warmUp,
                    duration,
                    pairs,
                    set -> () -> new Call(
                            "/api/search/posts?q="
                                    + word(ThreadLocalRandom.current().nextInt(5000)),
                            caller()));
            // ... and a word drawn as the texts draw theirs (the frequent ones: thousands of matches to rank)
            compare(
                    db,
                    "search-frequent",
                    smaller,
                    larger,
                    warmUp,
                    duration,
                    pairs,
                    set -> () -> new Call("/api/search/posts?q=" + word(zipf()), caller()));
            line("# load before the throughput runs: %s", uptime());
            for (DataSet set : wanted("home-throughput") ? List.of(smaller, larger) : List.<DataSet>of()) {
                use(db, set);
                throughput(set, threads, throughput);
            }
            line("# load after the measurements: %s", uptime());
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-results.txt"), report);
        Files.writeString(Path.of("target", "bench-plans.txt"), plans);
    }

    private boolean wanted(String endpoint) {
        return only.isEmpty() || only.contains(endpoint);
    }

    private static String mark(int posts, String seedHash) {
        return "chorus-bench posts=" + posts + " seed=" + seedHash;
    }

    private String mark(int posts) throws IOException {
        return mark(posts, md5(Files.readString(BENCH.resolve("seed.sql"))));
    }

    /** Flyway on the schema named content now (the service's migrations, as at start-up). */
    private void migrate() {
        flyway.migrate();
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }

    /**
     * Finds what the measurements call on the data set in the service's schema, checks that the endpoints answer
     * what the phases assume, and writes the EXPLAINs.
     */
    private DataSet prepare(Connection db, int posts) throws Exception {
        assertEquals(mark(posts), comment(db, SCHEMA), "the data set in schema " + SCHEMA);
        assertEquals(single(db, "select md5('p4242')::uuid"), post(4242).toString(), "id derivation");
        List<Read> reads = reads(db, posts);
        DataSet partial = new DataSet(posts, reads, List.of());
        current = partial;
        List<Later> later = new ArrayList<>();
        int tried = 0;
        for (; later.size() < 200 && tried < 2000; tried++) {
            int caller = caller();
            JsonNode page = get("/api/feed/home", caller);
            if (page.hasNonNull("nextCursor")) {
                later.add(new Later(caller, page.get("nextCursor").asText()));
            }
        }
        assertTrue(later.size() >= 100, "only " + later.size() + " of the sampled users have a second home page");
        DataSet set = new DataSet(posts, reads, List.copyOf(later));
        current = set;
        for (int i = 0; i < 20; i++) {
            assertEquals(20, get("/api/feed/public", caller()).get("items").size(), "a full public page");
        }
        int found = 0;
        for (int i = 0; i < 20; i++) {
            found += get(
                                    "/api/search/posts?q="
                                            + word(ThreadLocalRandom.current().nextInt(5000)),
                                    caller())
                            .get("items")
                            .isEmpty()
                    ? 0
                    : 1;
        }
        line(
                "# %s posts: %d readable (post, caller) pairs, %d callers with a second home page (of %d tried); "
                        + "search of a random word found posts in %d of 20 samples",
                set.label(), reads.size(), later.size(), tried, found);
        explain(db, set);
        return set;
    }

    /**
     * Posts drawn as seed.sql draws the posts that get comments and reactions (popular posts are read most), each
     * with a caller who may read it.
     */
    private List<Read> reads(Connection db, int posts) throws Exception {
        List<Read> reads = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select x.k, x.caller from (select (floor(" + posts
                        + " * power(random(), 2))::bigint * 7919) % " + posts + " + 1 as k, 1 + floor(random() * "
                        + users
                        + ")::int as caller from generate_series(1, 20000)) x"
                        + " join post p on p.id = md5('p' || x.k)::uuid join app_user a on a.id = p.author_id"
                        + " where p.visibility = 'public' and not p.hidden and not a.suspended and x.caller % 1000 <> 999"
                        + " and not exists (select 1 from user_block b where b.active and ((b.blocker_id = p.author_id"
                        + " and b.blocked_id = md5(x.caller::text)::uuid) or (b.blocked_id = p.author_id"
                        + " and b.blocker_id = md5(x.caller::text)::uuid))) limit 5000")) {
            while (rows.next()) {
                reads.add(new Read(rows.getInt(1), rows.getInt(2)));
            }
        }
        for (int i = 0; i < 20; i++) {
            Read read = reads.get(i);
            get("/api/posts/" + post(read.post()), read.caller());
        }
        return List.copyOf(reads);
    }

    /** Exchanges the two schema names in one transaction (a catalog change, instant) and empties the pool. */
    private void swap(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            statement.execute("alter schema " + SCHEMA + " rename to content_swap");
            statement.execute("alter schema " + PARKED + " rename to " + SCHEMA);
            statement.execute("alter schema content_swap rename to " + PARKED);
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        // no pooled connection may keep a statement prepared against the other data set's tables
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }

    /** Makes {@code set} the one the service reads. */
    private void use(Connection db, DataSet set) throws SQLException {
        if (set != current) {
            swap(db);
            current = set;
        }
    }

    /**
     * One endpoint at both sizes: a warm-up on each, then {@code pairs} pairs of slices in ABBA order, each slice
     * after a second of unmeasured calls on fresh connections (see services/users/bench/README.md for why).
     */
    private void compare(
            Connection db,
            String name,
            DataSet small,
            DataSet large,
            Duration warmUp,
            Duration duration,
            int pairs,
            Function<DataSet, Endpoint> endpoints)
            throws Exception {
        if (!wanted(name)) {
            return;
        }
        Map<DataSet, String> warmUps = new HashMap<>();
        for (DataSet set : List.of(small, large)) {
            use(db, set);
            warmUps.put(set, warmUp(endpoints.apply(set), warmUp));
        }
        Duration slice = duration.dividedBy(pairs);
        Map<DataSet, List<Result>> results = new HashMap<>(Map.of(small, new ArrayList<>(), large, new ArrayList<>()));
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            List<DataSet> order = i % 2 == 0 ? List.of(small, large) : List.of(large, small);
            for (DataSet set : order) {
                use(db, set);
                Endpoint endpoint = endpoints.apply(set);
                run(endpoint, Duration.ofSeconds(1));
                results.get(set).add(run(endpoint, slice));
            }
            ratios.add(String.format(
                    "%+.0f %%",
                    100
                            * (percentile(results.get(large).get(i).sorted(), 0.95)
                                            / (double) percentile(
                                                    results.get(small).get(i).sorted(), 0.95)
                                    - 1)));
        }
        for (DataSet set : List.of(small, large)) {
            Result r = Result.merge(results.get(set));
            long[] ns = r.latencies();
            line(
                    "%-9s %-15s n=%-6d p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms  items/page=%5.1f  (warm-up %s)",
                    set.label(),
                    name,
                    ns.length,
                    ms(percentile(ns, 0.50)),
                    ms(percentile(ns, 0.95)),
                    ms(percentile(ns, 0.99)),
                    ms(ns[ns.length - 1]),
                    r.items() / (double) ns.length,
                    warmUps.get(set));
        }
        long[] s = Result.merge(results.get(small)).latencies();
        long[] l = Result.merge(results.get(large)).latencies();
        line(
                "%-9s %-15s p50 %+.0f %%, p95 %+.0f %% at %s posts (p95 of the slice pairs: %s)",
                "growth",
                name,
                100 * (percentile(l, 0.50) / (double) percentile(s, 0.50) - 1),
                100 * (percentile(l, 0.95) / (double) percentile(s, 0.95) - 1),
                large.label(),
                String.join(", ", ratios));
    }

    /** The home feed under a closed loop of {@code threads} clients: reads per second and latency under load. */
    private void throughput(DataSet set, int threads, Duration duration) throws Exception {
        Endpoint home = () -> new Call("/api/feed/home", caller());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // warm every client's connection and the server's threads
            runParallel(pool, threads, home, Duration.ofSeconds(5));
            long started = System.nanoTime();
            List<Result> results = runParallel(pool, threads, home, duration);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] ns = Result.merge(results).latencies();
            line(
                    "%-9s %-15s %d client threads, %d s: %.0f reads/s  p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  (%s)",
                    set.label(),
                    "home-throughput",
                    threads,
                    Math.round(seconds),
                    ns.length / seconds,
                    ms(percentile(ns, 0.50)),
                    ms(percentile(ns, 0.95)),
                    ms(percentile(ns, 0.99)),
                    uptime());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Result> runParallel(ExecutorService pool, int threads, Endpoint endpoint, Duration duration)
            throws Exception {
        List<Future<Result>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> run(endpoint, duration)));
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** At least {@code warmUp}, then 3-second rounds until the JIT compiled < 150 ms (60 s at most); says how long. */
    private String warmUp(Endpoint endpoint, Duration warmUp) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long warmUpStart = System.nanoTime();
        run(endpoint, warmUp);
        long deadline = System.nanoTime()
                + Duration.ofSeconds(Long.getLong("bench.warmup-max-seconds", 60))
                        .toNanos();
        long compiled;
        do {
            long before = jit.getTotalCompilationTime();
            run(endpoint, Duration.ofSeconds(3));
            compiled = jit.getTotalCompilationTime() - before;
        } while (compiled >= 150 && System.nanoTime() < deadline);
        return Duration.ofNanos(System.nanoTime() - warmUpStart).toSeconds() + " s"
                + (compiled >= 150 ? ", JIT still busy" : "");
    }

    /** The latencies (ns) of one run and the items its pages held. */
    private record Result(long[] latencies, long items) {
        static Result merge(List<Result> results) {
            long[] all = results.stream()
                    .flatMapToLong(r -> Arrays.stream(r.latencies()))
                    .sorted()
                    .toArray();
            return new Result(all, results.stream().mapToLong(Result::items).sum());
        }

        long[] sorted() {
            long[] copy = latencies.clone();
            Arrays.sort(copy);
            return copy;
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
            JsonNode list = JSON.readTree(response.body()).get("items");
            items += list == null ? 1 : list.size(); // a single post counts as one
        }
        assertEquals(0, failures, failures + " answers were not 200, the first: " + firstFailure);
        assertTrue(count > 0, "no request completed");
        return new Result(Arrays.copyOf(latencies, count), items);
    }

    /** bench/seed.sql with its psql variables substituted, one statement at a time; marks the schema with its size. */
    private void seed(Connection db, int posts, String mark) throws IOException, SQLException {
        String script = Files.readString(BENCH.resolve("seed.sql"))
                .lines()
                .filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n", "", "\n"));
        script = substitute(script, Map.of("users", users, "friendships", friendships, "posts", posts));
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
            statement.execute("comment on schema " + SCHEMA + " is '" + mark + "'");
        }
        line(
                "# seeded %,d posts with bench/seed.sql in %d s:%s",
                posts, Duration.ofNanos(System.nanoTime() - started).toSeconds(), counts);
    }

    /** Replaces psql's {@code :name} (not {@code ::cast}); fails if the file uses a variable this does not know. */
    private static String substitute(String sql, Map<String, ?> variables) {
        Matcher m = Pattern.compile("(?<![:\\w]):([a-zA-Z_]+)\\b").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("unknown variable :" + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        return m.appendTail(out).toString();
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the statements the service runs (taken from the service classes, named
     * parameters replaced by literals of a sampled caller): the home feed (first and second page), the public
     * timeline, a post, its comments and a search.
     */
    private void explain(Connection db, DataSet set) throws SQLException {
        plans.append("==== plans at ").append(set.label()).append(" posts ====\n");
        Later later = set.later().get(0);
        Read read = set.reads().get(0);
        KeysetCursor cursor = KeysetCursor.decode(later.cursor());
        Map<String, String> home = Map.of("viewer", uuid(user(later.caller())), "moderator", "false", "limit", "21");
        Map<String, String> page2 = new HashMap<>(home);
        page2.put("afterAt", "'" + cursor.at() + "'::timestamptz");
        page2.put("afterId", uuid(cursor.id()));
        Map<String, String> reader = Map.of(
                "viewer",
                uuid(user(read.caller())),
                "moderator",
                "false",
                "limit",
                "21",
                "id",
                uuid(post(read.post())));
        Map<String, String> comments =
                Map.of("viewer", uuid(user(read.caller())), "moderator", "false", "parent", uuid(post(read.post())));
        Map<String, String> search = Map.of(
                "viewer",
                uuid(user(later.caller())),
                "moderator",
                "false",
                "limit",
                "21",
                "q",
                "'" + word(zipf()) + "'",
                "language",
                "'en'");
        explain(db, "home", FeedService.homeStatement(false), home);
        explain(db, "home-page2", FeedService.homeStatement(true), page2);
        explain(db, "public", FeedService.everyoneStatement(false), home);
        explain(db, "post", PostReader.oneStatement(), reader);
        explain(db, "comments", CommentService.topLevelStatement(false) + " limit 21", comments);
        explain(db, "search (a frequent word)", SearchService.postsStatement(false), search);
        Map<String, String> rare = new HashMap<>(search);
        rare.put("q", "'" + word(4000 + ThreadLocalRandom.current().nextInt(1000)) + "'");
        explain(db, "search (a rare word)", SearchService.postsStatement(false), rare);
    }

    private void explain(Connection db, String name, String statement, Map<String, String> literals)
            throws SQLException {
        String sql = substitute(statement.replace("{h-schema}", SCHEMA + "."), literals);
        plans.append("---- ").append(name).append(" ----\n");
        try (Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rows.next()) {
                plans.append(rows.getString(1)).append('\n');
            }
        }
    }

    private static String uuid(UUID id) {
        return "'" + id + "'::uuid";
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
            statement.execute("set search_path to " + SCHEMA + ", public");
        }
        return db;
    }

    private static String comment(Connection db, String schema) throws SQLException {
        return single(
                db,
                "select coalesce((select obj_description(oid, 'pg_namespace') from pg_namespace where nspname = '"
                        + schema + "'), '')");
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
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

    private String token(int n) {
        Minted minted = tokens.get(n);
        if (minted == null || minted.at().isBefore(Instant.now().minus(TOKEN_REUSE))) {
            minted = new Minted(TestJwt.token(user(n), username(n), "user"), Instant.now());
            tokens.put(n, minted);
        }
        return minted.token();
    }

    /** A random caller, not one of seed.sql's suspended users (n % 1000 = 999). */
    private int caller() {
        int n;
        do {
            n = 1 + ThreadLocalRandom.current().nextInt(users);
        } while (n % 1000 == 999);
        return n;
    }

    private static <T> T pick(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    /** A word rank drawn as seed.sql draws the words of a text: floor(5000 * random()^2). */
    private static int zipf() {
        double r = ThreadLocalRandom.current().nextDouble();
        return (int) Math.floor(5000 * r * r);
    }

    /** seed.sql's word k. */
    static String word(int k) {
        return SYLLABLES[k % 24] + SYLLABLES[(k / 24) % 24] + (k >= 576 ? SYLLABLES[(k / 576) % 24] : "");
    }

    /** seed.sql's user n: md5(n::text)::uuid. */
    static UUID user(int n) {
        return md5Uuid(Integer.toString(n));
    }

    /** seed.sql's post n: md5('p' || n)::uuid. */
    static UUID post(int n) {
        return md5Uuid("p" + n);
    }

    /** seed.sql's username of user n: substr(md5('u' || n), 1, 10) || n. */
    private static String username(int n) {
        return md5("u" + n).substring(0, 10) + n;
    }

    private static UUID md5Uuid(String text) {
        String hex = md5(text);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
            return "uptime unknown";
        }
    }

    private synchronized void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
