package org.chorus.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.infra.InfraOptions;
import org.chorus.infra.Infrastructure;
import org.chorus.local.JvmSettings;
import org.chorus.local.Part;
import org.chorus.local.Suite;

/**
 * Each part as deployed (the launcher's code, flags from {@code deploy/jvm.properties}): login up, then each part in
 * turn started beside it — time from process start to its readiness check answering 200, {@code bench.starts}
 * times — then a warm-up load on its own port (its usual reads and writes, with a member's
 * token) and its memory and GC time after it. Run with {@code bench/startup.sh}; options
 * {@code -Dbench.starts=3 -Dbench.load-seconds=20 -Dbench.clients=4 -Dbench.parts=login,users}.
 */
public final class StartupBench {

    private static final String PASSWORD = "bench passphrase, long enough 7f3k";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        new StartupBench().run();
    }

    private void run() throws Exception {
        Path root =
                Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        int starts = Integer.getInteger("bench.starts", 3);
        Duration load = Duration.ofSeconds(Long.getLong("bench.load-seconds", 20));
        int clients = Integer.getInteger("bench.clients", 4);
        List<String> only = List.of(
                System.getProperty("bench.parts", String.join(",", names())).split(","));
        Path out = root.resolve("bench/results");
        Files.createDirectories(out);
        String admin = "bench_admin";
        System.setProperty("chorus.abuse.signup-per-ip", "100000/1h");
        System.setProperty("chorus.gateway.rate-limit.authentication-limit", "100000000");
        System.setProperty("chorus.bootstrap-admins", admin);
        boolean nmt = Boolean.getBoolean("bench.nmt");
        if (nmt) {
            // where the resident memory goes, by the JVM's own account (jcmd VM.native_memory after the load)
            names().forEach(name ->
                    System.setProperty("chorus.jvm.extra-options." + name, "-XX:NativeMemoryTracking=summary"));
        }
        StringBuilder report = new StringBuilder(String.format(
                "start-up and memory (deployed): %d cores, load before %s%n",
                Runtime.getRuntime().availableProcessors(), ProcessStats.uptime()));
        try (Infrastructure infra = Infrastructure.start(InfraOptions.ephemeral())) {
            Part.SERVICES.forEach(infra::serviceDatabase);
            // login alone first (every other part needs its JWKS, the load its tokens); then each part by itself
            // beside it, stopped again after its turn: the parts do not compete with each other for the cores
            try (Suite suite =
                    Suite.start(root, out.resolve("logs"), infra, Suite.freePorts(), List.of(Part.named("login")))) {
                String login = suite.url("login");
                post(login, "/api/auth/signup", null, signup(admin), 201);
                String member = "bench_member";
                post(login, "/api/auth/signup", null, signup(member), 201);
                for (String name : only) {
                    Part part = Part.named(name);
                    List<Long> millis = new ArrayList<>();
                    for (int i = 0; i < starts; i++) {
                        millis.add(suite.restart(part).toMillis());
                    }
                    long pid = suite.process(part).pid();
                    long readyRss = ProcessStats.residentMib(pid, "VmRSS");
                    // tokens after the restart: a restarted login may have a new signing key
                    String memberToken = token(login, member);
                    String adminToken = token(login, admin);
                    double gcBefore = ProcessStats.gcSeconds(pid);
                    LoginBench.Rate rate = LoginBench.run(
                            clients, load, worker -> warmUp(suite, part, worker, memberToken, adminToken, member));
                    double gc = ProcessStats.gcSeconds(pid) - gcBefore;
                    if (nmt) {
                        Files.writeString(out.resolve(name + "-nmt.txt"), ProcessStats.nativeMemory(pid));
                    }
                    long rss = ProcessStats.residentMib(pid, "VmRSS");
                    long peak = ProcessStats.residentMib(pid, "VmHWM");
                    if (!name.equals("login")) {
                        suite.stop(part);
                    }
                    JvmSettings settings = JvmSettings.of(root, name);
                    Collections.sort(millis);
                    report.append(String.format(
                            """

                            %s  (%s; limit %d MiB)
                            | start to ready (ms, %d starts) | RSS when ready | warm-up load | RSS after | peak RSS | GC during load |
                            |---|---|---|---|---|---|
                            | %s (median %d) | %d MiB | %.0f req/s × %d s, %d clients | %d MiB | %d MiB | %.1f %% |
                            """,
                            name,
                            String.join(" ", settings.containerFlags()),
                            settings.memoryLimitMib(),
                            starts,
                            millis,
                            millis.get(millis.size() / 2),
                            readyRss,
                            rate.perSecond(),
                            load.toSeconds(),
                            clients,
                            rss,
                            peak,
                            100 * gc / (rate.nanos() / 1e9)));
                    System.out.print(report);
                }
            }
        }
        report.append(String.format("load after %s%n", ProcessStats.uptime()));
        System.out.print(report);
        Files.writeString(out.resolve("startup.md"), report.toString());
    }

    /** One request of the part's usual traffic: a worker alternates reads with the odd write. */
    private void warmUp(Suite suite, Part part, int worker, String token, String adminToken, String member)
            throws Exception {
        String base = suite.url(part.name());
        switch (part.name()) {
            case "login" ->
                post(
                        base,
                        "/api/auth/login",
                        null,
                        "{\"login\":\"" + member + "\",\"password\":\"" + PASSWORD + "\"}",
                        200);
            case "gateway" -> get(base, "/api/auth/me", token);
            case "users" -> get(base, worker % 2 == 0 ? "/api/users/me" : "/api/users/search?q=bench", token);
            case "content" -> {
                if (worker == 0) {
                    post(base, "/api/posts", token, "{\"text\":\"warm-up #bench\",\"visibility\":\"public\"}", 201);
                } else {
                    get(base, "/api/feed/home", token);
                }
            }
            case "admin" -> get(base, worker % 2 == 0 ? "/api/admin/stats" : "/api/admin/audit", adminToken);
            case "notifications" -> get(base, "/api/notifications", token);
            default -> throw new IllegalArgumentException(part.name());
        }
    }

    private String token(String login, String user) throws Exception {
        Matcher matcher = ACCESS_TOKEN.matcher(post(
                login, "/api/auth/login", null, "{\"login\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}", 200));
        if (!matcher.find()) {
            throw new IllegalStateException("no access token for " + user);
        }
        return matcher.group(1);
    }

    private static String signup(String name) {
        return "{\"email\":\"" + name.replace('_', '-') + "@example.org\",\"username\":\"" + name.replace('-', '_')
                + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private String get(String base, String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, path, 200);
    }

    private String post(String base, String path, String token, String body, int expected) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token,
                path,
                expected);
    }

    private String send(HttpRequest.Builder request, String token, String path, int expected) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static List<String> names() {
        return Part.ALL.stream().map(Part::name).toList();
    }
}
