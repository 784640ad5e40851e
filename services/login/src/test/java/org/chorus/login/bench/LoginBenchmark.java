package org.chorus.login.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.chorus.login.config.PasswordConfig;
import org.chorus.login.service.Argon2idHash;
import org.chorus.login.service.SigningKeys;
import org.chorus.login.support.Accounts;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A benchmark, not a test: its name keeps it out of {@code ./mvnw verify} (Surefire's default
 * includes are *Test, Test*, *Tests and *TestCase classes) and it asserts nothing; it also runs
 * only with {@code -Dbench=true}, so even a {@code -Dtest=} pattern that happens to match it
 * does not start a minutes-long run by accident. It runs the real service (real PostgreSQL, Redis, Kafka)
 * and measures, in one run on one machine:
 * <ol>
 * <li>raw RS256 signatures per second with the service's signing key and signature provider, on
 * every core — the part of a rotation no code of ours can make cheaper;</li>
 * <li>refresh rotations per second through HTTP;</li>
 * <li>password logins per second through HTTP (each one: an argon2id verification, a session,
 * a refresh token, a signed JWT), and raw argon2id hashes per second with the service's parameters
 * on as many threads as the service allows hashes at once, in alternating slices (ABBA order).</li>
 * </ol>
 * Run: {@code ./mvnw -pl services/login test -Dtest=LoginBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (options: {@code -Dbench.seconds=20 -Dbench.clients=8 -Dbench.warmup-seconds=10 -Dbench.login-slices=8
 * -Dbench.max-login-warmup-seconds=600}). The load generator shares the CPU with
 * the service and the databases, as a colocated client would; results go to the console and
 * {@code target/bench-results.txt}.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class LoginBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PasswordConfig passwords;

    @Inject
    SigningKeys signingKeys;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measure() throws Exception {
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        int clients = Integer.getInteger("bench.clients", 8);
        // the least warm-up of a phase; each then warms up on until the JIT is quiet (see rate)
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 10));
        int hashThreads =
                passwords.maxConcurrentHashes().orElse(Runtime.getRuntime().availableProcessors());
        PasswordConfig.Argon2 a = passwords.argon2();

        List<Accounts.SignedUp> accounts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            accounts.add(Accounts.signUp());
        }

        Operation rawHash = worker -> {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Argon2idHash.compute(
                    Accounts.PASSWORD.getBytes(StandardCharsets.UTF_8),
                    salt,
                    a.memoryKib(),
                    a.iterations(),
                    a.parallelism(),
                    a.hashLength());
        };
        warmUp(hashThreads, warmUp, rawHash, QUICK);
        // what every rotation must pay whatever the rest of the path costs: one RS256 signature with the
        // service's own key, by the provider that signs its tokens, over an access-token-sized input, on
        // every core at once
        SigningKeys.Signing signing = signingKeys.signing();
        int cores = Runtime.getRuntime().availableProcessors();
        byte[] signingInput = new byte[420];
        new SecureRandom().nextBytes(signingInput);
        Operation sign = worker -> {
            Signature rs256 = Signature.getInstance("SHA256withRSA", signing.provider());
            rs256.initSign(signing.privateKey());
            rs256.update(signingInput);
            rs256.sign();
        };
        String signWarmUp = warmUp(cores, Duration.ofSeconds(3), sign, QUICK);
        double signatures = run(cores, duration, sign).perSecond();
        // refresh before login: both phases run the same request path (HTTP, JSON, the database, the
        // JWT signature), which a long-running service has compiled; measured first, the logins paid
        // for that compilation out of the cores the hashes need (C2 took 10-25 % of the machine).
        String[] refreshTokens = new String[clients];
        for (int i = 0; i < clients; i++) {
            refreshTokens[i] = login(accounts.get(i)).get("refreshToken").asText();
        }
        Operation refresh = worker -> {
            JsonNode pair = post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshTokens[worker] + "\"}");
            refreshTokens[worker] = pair.get("refreshToken").asText();
        };
        String refreshWarmUp = warmUp(clients, warmUp, refresh, QUICK);
        double rotations = run(clients, duration, refresh).perSecond();

        // Logins against the raw hash rate, in slices taken alternately in ABBA order (raw, logins,
        // logins, raw, raw, ...): this machine's speed drifts by tens of percent over minutes (other
        // tenants), and a drift that is linear over a pair of slices then weighs on both sides alike.
        // A login runs code that nothing else here runs (Hibernate's persist and HQL paths, JTA; a rotation
        // uses plain JDBC), ~20-40 times a second: C2's thresholds are thousands of calls, so compiling it
        // takes minutes. With the rule of the other phases the JIT compiled 0.5-1.8 s in some 5-second login
        // slices (those scored 0.75-0.78 against 0.86-0.90 for quiet ones), and a single quiet 10-second
        // round after 124 s was followed by 5.7 s of compilation in the 20 s measured. So: 30-second rounds,
        // under 2 % of a core, up to 10 minutes.
        Operation login = worker -> login(accounts.get(worker));
        String loginWarmUp = warmUp(
                clients,
                warmUp,
                login,
                new JitQuiet(
                        Duration.ofSeconds(30),
                        0.02,
                        Duration.ofSeconds(Long.getLong("bench.max-login-warmup-seconds", 600))));
        int slices = Integer.getInteger("bench.login-slices", 8);
        Duration slice = duration.dividedBy(slices / 2);
        Measured raw = Measured.NONE;
        Measured logins = Measured.NONE;
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < slices / 2; i++) {
            Measured r;
            Measured l;
            if (i % 2 == 0) {
                r = run(hashThreads, slice, rawHash);
                l = run(clients, slice, login);
            } else {
                l = run(clients, slice, login);
                r = run(hashThreads, slice, rawHash);
            }
            raw = raw.plus(r);
            logins = logins.plus(l);
            pairs.add(String.format("%.2f", l.perSecond() / r.perSecond()));
        }

        String report = String.format(
                """
                login benchmark: %d cores, argon2id m=%d KiB t=%d p=%d, %d s per phase after warm-up until the JIT is quiet
                  raw RS256 signatures/s (%d threads): %8.1f   (warm-up %s; by %s; a rotation's unavoidable part)
                  refresh rotations/s (%d clients)    : %8.1f   (warm-up %s; %.2f x the raw signature rate)
                  raw argon2id hashes/s (%d threads) : %8.1f   (%d s in %d slices, interleaved with the logins'; JIT %d ms, GC %d ms)
                  password logins/s (%d clients)      : %8.1f   (warm-up %s; %d s in %d slices; JIT %d ms, GC %d ms)
                  logins / raw hash rate              : %8.2f   (slice pairs in ABBA order: %s)
                """,
                cores,
                a.memoryKib(),
                a.iterations(),
                a.parallelism(),
                duration.toSeconds(),
                cores,
                signatures,
                signWarmUp,
                signing.provider(),
                clients,
                rotations,
                refreshWarmUp,
                rotations / signatures,
                hashThreads,
                raw.perSecond(),
                duration.toSeconds(),
                slices / 2,
                raw.jitMillis(),
                raw.gcMillis(),
                clients,
                logins.perSecond(),
                loginWarmUp,
                duration.toSeconds(),
                slices / 2,
                logins.jitMillis(),
                logins.gcMillis(),
                logins.perSecond() / raw.perSecond(),
                String.join(" ", pairs));
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-results.txt"), report);
    }

    private JsonNode login(Accounts.SignedUp account) throws Exception {
        return post(
                "/api/auth/login",
                "{\"login\":\"" + account.username() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * When a warm-up may end: after a round of {@code round} in which the JIT compiled for less than
     * {@code share} of it, or after {@code max}.
     */
    private record JitQuiet(Duration round, double share, Duration max) {}

    /** For the phases whose code runs hundreds of times a second: 3-second rounds, under 5 %, a minute at most. */
    private static final JitQuiet QUICK = new JitQuiet(Duration.ofSeconds(3), 0.05, Duration.ofSeconds(60));

    /**
     * Runs {@code operation} at least {@code minWarmUp}, then on in rounds until the JIT is quiet;
     * answers how long that took. The service runs in this JVM, so its compiler threads share the
     * cores with it: counting while C2 still compiles the request path (JFR showed it taking 20-25 %
     * of the machine for the first minute of HTTP load) measures the JIT, not a service that has been
     * up for a while.
     */
    private static String warmUp(int threads, Duration minWarmUp, Operation operation, JitQuiet quiet)
            throws Exception {
        long warmUpStart = System.nanoTime();
        run(threads, minWarmUp, operation);
        long deadline = System.nanoTime() + quiet.max().toNanos();
        long compiled;
        do {
            compiled = run(threads, quiet.round(), operation).jitMillis();
        } while (compiled >= quiet.share() * quiet.round().toMillis() && System.nanoTime() < deadline);
        return String.format(
                "%d s%s",
                Duration.ofNanos(System.nanoTime() - warmUpStart).toSeconds(),
                compiled >= quiet.share() * quiet.round().toMillis() ? " (JIT still busy)" : "");
    }

    /**
     * {@code threads} workers repeat {@code operation} until {@code duration} is over; the count is
     * held against the time until the last one finished, so an operation still running at the end
     * (a login waits behind the others' hashes) is counted with the time it took.
     */
    private static Measured run(int threads, Duration duration, Operation operation) throws Exception {
        AtomicLong done = new AtomicLong();
        long jit = jitMillis();
        long gc = gcMillis();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        operation.run(worker);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Measured(done.get(), System.nanoTime() - start, jitMillis() - jit, gcMillis() - gc);
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    /** Operations done in {@code nanos}, and the time the JIT compiled and the collector paused meanwhile. */
    private record Measured(long count, long nanos, long jitMillis, long gcMillis) {
        static final Measured NONE = new Measured(0, 0, 0, 0);

        Measured plus(Measured other) {
            return new Measured(
                    count + other.count, nanos + other.nanos, jitMillis + other.jitMillis, gcMillis + other.gcMillis);
        }

        double perSecond() {
            return count / (nanos / 1e9);
        }
    }

    @FunctionalInterface
    private interface Operation {
        void run(int worker) throws Exception;
    }
}
