package org.chorus.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chorus.infra.Infrastructure;
import org.chorus.infra.Ports;

/**
 * The gateway and the five services as separate processes on top of running infrastructure.
 * Used by {@code ./chorus up} (fixed ports) and by the end-to-end tests (free ports).
 */
public final class Suite implements AutoCloseable {

    /** How long the six processes may take to become ready; a shared, busy build machine needs more than 240 s. */
    private static final Duration READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("chorus.suite.ready-timeout-seconds", 240));

    private final Path root;
    private final Path logs;
    private final Map<String, Integer> ports;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Suite(Path root, Path logs, Map<String, Integer> ports) {
        this.root = root;
        this.logs = logs;
        this.ports = ports;
    }

    /** Fixed ports 8080–8085, each checked free first (a taken one is a {@code PortInUseException}). */
    public static Map<String, Integer> fixedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Part.ALL.forEach(p -> ports.put(p.name(), Ports.claim(p.defaultPort(), p.name())));
        return ports;
    }

    public static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Part.ALL.forEach(p -> ports.put(p.name(), Ports.claim(0, p.name())));
        return ports;
    }

    /** Starts every part and waits until all are ready; on failure stops what it started. */
    public static Suite start(Path root, Path logs, Infrastructure infra, Map<String, Integer> ports) {
        for (Part part : Part.ALL) {
            if (!Files.isRegularFile(part.jar(root))) {
                throw new IllegalStateException(
                        part.jar(root) + " is missing: build first (./mvnw -DskipTests install)");
            }
        }
        Suite suite = new Suite(root, logs, ports);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "chorus-suite-stop"));
        try {
            Environment environment = new Environment(infra, ports);
            // login first: everyone else fetches its JWKS
            for (Part part : Part.ALL) {
                suite.launch(part, environment.of(part));
            }
            suite.awaitReady();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void launch(Part part, Map<String, String> env) {
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-jar",
                            part.jar(root).toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(
                            logs.resolve(part.name() + ".log").toFile()));
            builder.environment().putAll(env);
            processes.add(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + part.name(), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int i = 0; i < Part.ALL.size(); i++) {
            Part part = Part.ALL.get(i);
            while (!ready(part)) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException(part.name() + " exited; see " + logs.resolve(part.name() + ".log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(part.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                            + " s; see " + logs.resolve(part.name() + ".log"));
                }
                sleep(250);
            }
        }
    }

    private boolean ready(Part part) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url(part.name()) + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url(String part) {
        return "http://localhost:" + ports.get(part);
    }

    public String gatewayUrl() {
        return url("gateway");
    }

    @Override
    public synchronized void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
