package org.chorus.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Java child process (a server we run from jars, or a service of the suite) whose output goes
 * to a log file and which dies with its parent JVM.
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final long logStart;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.shutdownHook = new Thread(this::stopNow, "stop-" + name);
    }

    static ChildProcess startJava(String name, List<String> jvmAndMainArgs, Path workDir, Path log) {
        return startJava(name, jvmAndMainArgs, Map.of(), workDir, log);
    }

    /**
     * Runs the java of this JVM with the given arguments and extra environment variables (on top
     * of this process's own); output is appended to {@code log}.
     */
    public static ChildProcess startJava(
            String name, List<String> jvmAndMainArgs, Map<String, String> env, Path workDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmAndMainArgs);
        try {
            Files.createDirectories(log.getParent());
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process process = builder.directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            ChildProcess child = new ChildProcess(name, process, log, logStart);
            Runtime.getRuntime().addShutdownHook(child.shutdownHook);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end; its exit code. */
    int waitFor() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    public void awaitListening(int port, Duration timeout) {
        await(() -> Ports.accepts(port), timeout, "listen on port " + port);
    }

    /** Waits for a line this run wrote to the log: the one way to know a server is really ready. */
    void awaitLogLine(String text, Duration timeout) {
        await(() -> logSinceStart().contains(text), timeout, "log \"" + text + "\"");
    }

    private void await(BooleanSupplier ready, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        name + " did not " + what + " within " + timeout.toSeconds() + " s; see " + log);
            }
            Ports.sleep(100);
        }
    }

    private String logSinceStart() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - logStart)];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Polite stop first (the broker flushes its logs, a service drains requests), then a hard one. */
    public void stop() {
        stopNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran; nothing left to undo
        }
    }

    private void stopNow() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
