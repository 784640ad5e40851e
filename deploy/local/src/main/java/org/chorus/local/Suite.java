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
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private Environment environment;
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
        return start(root, logs, infra, ports, Part.ALL);
    }

    /** Starts {@code parts} (in this order) and waits until all are ready; on failure stops what it started. */
    public static Suite start(
            Path root, Path logs, Infrastructure infra, Map<String, Integer> ports, List<Part> parts) {
        for (Part part : parts) {
            if (!Files.isRegularFile(part.jar(root))) {
                throw new IllegalStateException(
                        part.jar(root) + " is missing: build first (./mvnw -DskipTests install)");
            }
        }
        Suite suite = new Suite(root, logs, ports);
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "chorus-suite-stop"));
        try {
            suite.environment = new Environment(infra, ports);
            // login first: everyone else fetches its JWKS
            for (Part part : parts) {
                suite.launch(part);
            }
            for (Part part : parts) {
                suite.awaitReady(part, System.nanoTime() + READY_TIMEOUT.toNanos());
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** The running process of {@code part} (its pid for jstat, /proc). */
    public Process process(Part part) {
        Process process = processes.get(part.name());
        if (process == null) {
            throw new IllegalStateException(part.name() + " is not running");
        }
        return process;
    }

    /**
     * Stops {@code part} if it runs, starts it (again) and answers how long it took from the new process's start
     * until its readiness check answered 200.
     */
    public synchronized Duration restart(Part part) {
        stop(part);
        long start = System.nanoTime();
        launch(part);
        awaitReady(part, start + READY_TIMEOUT.toNanos());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops {@code part} if it runs. */
    public synchronized void stop(Part part) {
        Process process = processes.remove(part.name());
        if (process != null) {
            stop(process);
        }
    }

    private void launch(Part part) {
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(javaCommand(root, part))
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(
                            logs.resolve(part.name() + ".log").toFile()));
            builder.environment().putAll(environment.of(part));
            processes.put(part.name(), builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + part.name(), e);
        }
    }

    /**
     * The command that runs {@code part} as it is deployed: this JDK's {@code java} with the part's flags from
     * {@code deploy/jvm.properties}, and its AppCDS archive when the build made one.
     */
    public static List<String> javaCommand(Path root, Part part) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmSettings.of(root, part.name()).localFlags());
        // a profiler for one run (the benchmarks' -Dbench.jfr): never part of a deployment
        String extra = System.getProperty("chorus.jvm.extra-options." + part.name(), "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        Path archive = part.appCdsArchive(root);
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-jar");
        command.add(part.jar(root).toString());
        return command;
    }

    private void awaitReady(Part part, long deadline) {
        while (!ready(part)) {
            if (!process(part).isAlive()) {
                throw new IllegalStateException(part.name() + " exited; see " + logs.resolve(part.name() + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(part.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                        + " s; see " + logs.resolve(part.name() + ".log"));
            }
            sleep(20);
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
        processes.values().forEach(Process::destroy);
        processes.values().forEach(Suite::stop);
        processes.clear();
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
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
