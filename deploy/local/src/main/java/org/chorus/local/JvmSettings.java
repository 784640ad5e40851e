package org.chorus.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * How one part's JVM runs, read from {@code deploy/jvm.properties}: the one definition that the launcher, the
 * benchmarks, docker-compose.yml and the Kubernetes manifests share (the last two are checked against it).
 *
 * @param memoryLimitMib the container's memory limit
 * @param maxRamPercentage the heap's ceiling as a share of that limit
 * @param collector Serial, Parallel or G1
 * @param options further flags, the same in every deployment
 */
public record JvmSettings(
        String part, int memoryLimitMib, int maxRamPercentage, String collector, List<String> options) {

    public static final String FILE = "deploy/jvm.properties";
    private static final List<String> COLLECTORS = List.of("Serial", "Parallel", "G1");

    public JvmSettings {
        if (memoryLimitMib < 64 || maxRamPercentage < 1 || maxRamPercentage > 90) {
            throw new IllegalArgumentException(part + ": memory-limit must be ≥ 64 MiB, max-ram-percentage 1–90");
        }
        if (!COLLECTORS.contains(collector)) {
            throw new IllegalArgumentException(
                    part + ": collector must be one of " + COLLECTORS + ", not " + collector);
        }
        options = List.copyOf(options);
    }

    /** The settings of {@code part} in the repository at {@code root}. */
    public static JvmSettings of(Path root, String part) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(FILE))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(FILE), e);
        }
        return new JvmSettings(
                part,
                Integer.parseInt(required(properties, part, "memory-limit")),
                Integer.parseInt(required(properties, part, "max-ram-percentage")),
                value(properties, part, "collector"),
                split(value(properties, part, "options")));
    }

    /**
     * The flags as a container runs them ({@code JAVA_OPTS} in docker-compose.yml and k8s): the container's limit
     * is the JVM's idea of physical memory there.
     */
    public List<String> containerFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("-XX:MaxRAMPercentage=" + maxRamPercentage);
        flags.add("-XX:+Use" + collector + "GC");
        flags.addAll(options);
        return flags;
    }

    /** {@link #containerFlags} as one {@code JAVA_OPTS} value. */
    public String javaOpts() {
        return String.join(" ", containerFlags());
    }

    /**
     * The flags for a JVM without a container around it (./chorus up, the benchmarks): {@code -XX:MaxRAM} stands in
     * for the container's limit, so heap and ergonomics come out as in the container.
     */
    public List<String> localFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("-XX:MaxRAM=" + memoryLimitMib + "m");
        flags.addAll(containerFlags());
        return flags;
    }

    /** The heap's ceiling the JVM derives from these settings, in MiB. */
    public int maxHeapMib() {
        return memoryLimitMib * maxRamPercentage / 100;
    }

    private static String required(Properties properties, String part, String key) {
        String value = properties.getProperty(part + "." + key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(FILE + " sets no " + part + "." + key);
        }
        return value.trim();
    }

    private static String value(Properties properties, String part, String key) {
        String value = properties.getProperty(part + "." + key, properties.getProperty("default." + key, ""));
        return value.trim();
    }

    private static List<String> split(String options) {
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }
}
