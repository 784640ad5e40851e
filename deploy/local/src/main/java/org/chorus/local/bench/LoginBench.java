package org.chorus.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.chorus.infra.InfraOptions;
import org.chorus.infra.Infrastructure;
import org.chorus.local.JvmSettings;
import org.chorus.local.Part;
import org.chorus.local.Suite;

/**
 * Logins as deployed against the raw argon2id rate, in one run: login and the gateway started by the launcher's own
 * code with their flags from {@code deploy/jvm.properties} (on real PostgreSQL, Redis and Kafka), and the raw
 * reference ({@link RawHashes}) in a JVM with login's flags and classpath, as many threads as login hashes at once.
 * Slices alternate raw, direct, gateway, gateway, direct, raw, … so that the machine's drift weighs on each alike.
 * Also reports login's GC time as a share of the measured time and its memory. Run (after {@code ./mvnw -DskipTests
 * package}) with {@code bench/login.sh}; options {@code -Dbench.slice-seconds=8 -Dbench.rounds=3 -Dbench.clients=8
 * -Dbench.warmup-seconds=60 -Dbench.jfr=true} (a JFR recording of login during the measured slices).
 */
public final class LoginBench {

    private static final String PASSWORD = "bench passphrase, long enough 7f3k";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LoginBench() {}

    public static void main(String[] args) throws Exception {
        new LoginBench().run();
    }

    private void run() throws Exception {
        Path root =
                Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Duration slice = Duration.ofSeconds(Long.getLong("bench.slice-seconds", 8));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int clients = Integer.getInteger("bench.clients", 8);
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 60));
        int hashThreads =
                Integer.getInteger("bench.hash-threads", Runtime.getRuntime().availableProcessors());
        Path out = root.resolve("bench/results");
        Files.createDirectories(out);
        // every benchmark member signs up and logs in from 127.0.0.1
        System.setProperty("chorus.abuse.signup-per-ip", "100000/1h");
        System.setProperty("chorus.gateway.rate-limit.authentication-limit", "100000000");
        if (Boolean.getBoolean("bench.jfr")) {
            System.setProperty(
                    "chorus.jvm.extra-options.login",
                    "-XX:StartFlightRecording=filename=" + out.resolve("login.jfr") + ",settings=profile,delay="
                            + (warmUp.toSeconds() + 20) + "s");
        }
        String load = ProcessStats.uptime();
        try (Infrastructure infra = Infrastructure.start(InfraOptions.ephemeral());
                Suite suite = Suite.start(
                        root,
                        out.resolve("logs-login"),
                        infra,
                        Suite.freePorts(),
                        List.of(Part.named("login"), Part.named("gateway")))) {
            Part login = Part.named("login");
            long pid = suite.process(login).pid();
            String direct = suite.url("login");
            String gateway = suite.gatewayUrl();
            List<String> users = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "bench" + i + "_" + Long.toString(System.nanoTime() % 1_000_000L, 36);
                post(
                        direct,
                        "/api/auth/signup",
                        "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"password\":\""
                                + PASSWORD + "\"}",
                        201);
                users.add(name);
            }
            Operation viaDirect = worker -> login(direct, users.get(worker));
            Operation viaGateway = worker -> login(gateway, users.get(worker));
            try (Raw raw = Raw.start(root, login, hashThreads)) {
                raw.slice(Duration.ofSeconds(5));
                // both paths run long enough for C2 to compile the login path (a login is ~40/s here)
                run(clients, warmUp.dividedBy(2), viaDirect);
                run(clients, warmUp.dividedBy(2), viaGateway);
                double gcBefore = ProcessStats.gcSeconds(pid);
                long measuredStart = System.nanoTime();
                Rate rawRate = Rate.NONE;
                Rate directRate = Rate.NONE;
                Rate gatewayRate = Rate.NONE;
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    // raw, direct, gateway, gateway, direct, raw: a drift linear over the round weighs on each alike
                    Rate r1 = raw.slice(slice);
                    Rate d1 = run(clients, slice, viaDirect);
                    Rate g1 = run(clients, slice, viaGateway);
                    Rate g2 = run(clients, slice, viaGateway);
                    Rate d2 = run(clients, slice, viaDirect);
                    Rate r2 = raw.slice(slice);
                    Rate r = r1.plus(r2);
                    rawRate = rawRate.plus(r);
                    directRate = directRate.plus(d1.plus(d2));
                    gatewayRate = gatewayRate.plus(g1.plus(g2));
                    pairs.add(String.format(
                            "%.2f/%.2f",
                            d1.plus(d2).perSecond() / r.perSecond(), g1.plus(g2).perSecond() / r.perSecond()));
                }
                double measured = (System.nanoTime() - measuredStart) / 1e9;
                double gc = ProcessStats.gcSeconds(pid) - gcBefore;
                JvmSettings settings = JvmSettings.of(root, "login");
                String report = String.format(
                        """
                        login benchmark (deployed): %d cores, load before %s, after %s
                          login JVM: %s (heap ceiling %d MiB of a %d MiB limit)
                          raw argon2id hashes/s (%d threads, login's flags) : %7.1f
                          logins/s straight at login (%d clients)      : %7.1f   (%.2f x raw)
                          logins/s through the gateway (%d clients)    : %7.1f   (%.2f x raw)
                          per round (direct/gateway against raw)        : %s
                          login's GC: %.2f s in %.0f s measured (%.1f %% of the run, jstat GCT)
                          login's memory: RSS %d MiB, peak %d MiB
                          logins shed with 503 over the whole run (hashing slots busy past the queue timeout), not counted: %d
                        """,
                        Runtime.getRuntime().availableProcessors(),
                        load,
                        ProcessStats.uptime(),
                        String.join(" ", settings.localFlags()),
                        settings.maxHeapMib(),
                        settings.memoryLimitMib(),
                        hashThreads,
                        rawRate.perSecond(),
                        clients,
                        directRate.perSecond(),
                        directRate.perSecond() / rawRate.perSecond(),
                        clients,
                        gatewayRate.perSecond(),
                        gatewayRate.perSecond() / rawRate.perSecond(),
                        String.join(" ", pairs),
                        gc,
                        measured,
                        100 * gc / measured,
                        ProcessStats.residentMib(pid, "VmRSS"),
                        ProcessStats.residentMib(pid, "VmHWM"),
                        SHED.get());
                System.out.print(report);
                Files.writeString(out.resolve("login.txt"), report);
            }
        }
    }

    private void login(String base, String user) throws Exception {
        HttpResponse<String> response =
                send(base, "/api/auth/login", "{\"login\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
        if (response.statusCode() == 503) {
            // every hashing slot stayed busy past the queue timeout: login shed the request, as it should; not a
            // login, and counted apart
            SHED.incrementAndGet();
            throw new Shed();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "/api/auth/login answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static final AtomicLong SHED = new AtomicLong();

    /** A login answered 503: the worker goes on, the count does not. */
    static final class Shed extends Exception {
        Shed() {
            super(null, null, false, false);
        }
    }

    private HttpResponse<String> send(String base, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void post(String base, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** {@code threads} workers repeat {@code operation} until {@code duration} is over. */
    static Rate run(int threads, Duration duration, Operation operation) throws Exception {
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            operation.run(worker);
                            done.incrementAndGet();
                        } catch (Shed shed) {
                            // counted in SHED
                        }
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
        // held against the time until the last one finished: a login still running at the end is counted with its time
        return new Rate(done.get(), System.nanoTime() - start);
    }

    @FunctionalInterface
    interface Operation {
        void run(int worker) throws Exception;
    }

    record Rate(long count, long nanos) {
        static final Rate NONE = new Rate(0, 0);

        Rate plus(Rate other) {
            return new Rate(count + other.count, nanos + other.nanos);
        }

        double perSecond() {
            return count / (nanos / 1e9);
        }
    }

    /** The {@link RawHashes} JVM: login's flags, login's jars, login's argon2id parameters (its defaults). */
    private static final class Raw implements AutoCloseable {
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;

        private Raw(Process process) {
            this.process = process;
            this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Raw start(Path root, Part login, int threads) throws IOException {
            Path app = login.jar(root).getParent();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JvmSettings.of(root, login.name()).localFlags());
            command.add("-cp");
            command.add(String.join(
                    java.io.File.pathSeparator,
                    app.resolve("app/*").toString(),
                    app.resolve("lib/main/*").toString(),
                    Path.of(RawHashes.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .getPath())
                            .toString()));
            command.add(RawHashes.class.getName());
            command.addAll(List.of(Integer.toString(threads), "19456", "2", "1", "32"));
            return new Raw(new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }

        Rate slice(Duration duration) throws IOException {
            commands.println(duration.toMillis());
            String answer = answers.readLine();
            if (answer == null) {
                throw new IllegalStateException("the raw hash JVM exited");
            }
            String[] parts = answer.trim().split(" ");
            return new Rate(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }

        @Override
        public void close() {
            commands.println();
            process.destroy();
        }
    }
}
