package org.chorus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A real Kafka broker (KRaft, one node that is broker and controller) in a child process, run
 * from the jars platform/servers ships. It can be stopped and started again on the same ports
 * and data, which is how the end-to-end tests take Kafka away under a running suite.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    /** Does not start yet: see {@link #start()}. */
    KafkaBroker(Path dir, Path log, int port, int controllerPort) {
        this.dir = dir;
        this.log = log;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (formatting its storage the first time) and waits until it is ready. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path config = writeConfig();
        if (!Files.exists(dir.resolve("logs/meta.properties"))) {
            format(config);
        }
        process = ChildProcess.startJava(
                "Kafka",
                List.of(
                        "-Xmx512m",
                        "-Xss1m",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        // the one INFO line we wait for
                        "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                        "-cp",
                        classpath(),
                        "kafka.Kafka",
                        config.toString()),
                dir,
                log);
        // an open port is not enough: the broker accepts connections before it serves requests
        process.awaitLogLine("Kafka Server started", Duration.ofSeconds(120));
    }

    /** Stops the broker; its ports and data stay, so {@link #start()} brings the same cluster back. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void format(Path config) {
        // the static controller.quorum.voters below makes this a fixed one-voter quorum, so no --standalone
        ChildProcess storage = ChildProcess.startJava(
                "Kafka storage format",
                List.of(
                        "-Xmx256m",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        classpath(),
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        clusterId(),
                        "-c",
                        config.toString()),
                dir,
                log);
        int exit = storage.waitFor();
        storage.stop();
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + exit + "); see " + log);
        }
    }

    private Path writeConfig() {
        String properties = """
                node.id=1
                process.roles=broker,controller
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                controller.quorum.voters=1@127.0.0.1:%2$d
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(port, controllerPort, dir.resolve("logs"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("server.properties");
            Files.writeString(file, properties);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath() {
        return ServerJars.directory("kafka").resolve("*").toString();
    }

    /** Kafka wants a cluster id in its own form: 16 random bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            // one id in 64 starts with '-', which the storage tool's command line takes for an option and
            // exits 1 ("formatting Kafka storage failed" in CI); Kafka's own Uuid.randomUuid() skips them too
        } while (id.startsWith("-"));
        return id;
    }
}
