package org.chorus.notifications.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chorus.events.EventType;
import org.chorus.events.Events;
import org.chorus.events.content.ReactionAdded;
import org.chorus.events.login.UserCreated;
import org.chorus.infra.InfraOptions;
import org.chorus.infra.Infrastructure;
import org.chorus.infra.ServiceDatabase;
import org.chorus.testing.TestJwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;

/**
 * The live-stream benchmark (not a test; see services/notifications/bench/run.sh and the README).
 * Starts real PostgreSQL, Redis and Kafka (platform/infra), one notifications instance from its
 * built jar with the heap {@code ./chorus up} gives it, opens {@code STREAMS} SSE streams (two per
 * user) through the real ticket API, then publishes {@code reaction-added} events at {@code RATE}
 * per second for {@code SECONDS} and measures, for every notification frame a client receives, the
 * time from the entry's {@code updatedAt} (PostgreSQL's {@code now()} in the consuming transaction —
 * its start, so the figure includes the whole transaction and its commit) to the client.
 * Everything shares one machine: the client, the broker, the database and the service.
 */
public final class StreamBench {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final int STREAMS = Integer.getInteger("streams", 2000);
    private static final int RATE = Integer.getInteger("rate", 200);
    private static final int SECONDS = Integer.getInteger("seconds", 60);
    private static final int WARMUP_SECONDS = Integer.getInteger("warmup", 10);
    private static final int DRAIN_SECONDS = Integer.getInteger("drain", 120);
    private static final String HEAP = System.getProperty("heap", "-Xmx256m");

    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final AtomicInteger closedStreams = new AtomicInteger();
    private volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "services/notifications/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (bench/run.sh does)");
        }
        new StreamBench().run(jar);
        System.exit(0);
    }

    private void run(Path jar) throws Exception {
        System.out.println("load before: " + uptime());
        try (Infrastructure infra = Infrastructure.start(InfraOptions.ephemeral())) {
            int port = freePort();
            Process service = startService(jar, infra, port);
            try {
                String base = "http://127.0.0.1:" + port;
                awaitReady(base);
                bench(infra, base, service.pid(), port);
            } finally {
                service.destroy();
                service.waitFor(20, TimeUnit.SECONDS);
                service.destroyForcibly();
            }
        }
        System.out.println("load after: " + uptime());
    }

    private void bench(Infrastructure infra, String base, long pid, int port) throws Exception {
        try (KafkaProducer<String, String> producer = producer(infra.kafkaBootstrap())) {
            UUID actor = UUID.randomUUID();
            send(
                    producer,
                    Events.USER_CREATED,
                    actor.toString(),
                    new UserCreated(actor, "bench-actor", "actor@example.com", Instant.now()));
            producer.flush();

            long[] before = memory(base, pid);
            int users = Math.max(1, STREAMS / 2);
            UUID[] recipients = new UUID[users];
            Arrays.setAll(recipients, i -> UUID.randomUUID());

            Vertx vertx = Vertx.vertx();
            io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(port)
                    .setMaxPoolSize(STREAMS + 16)
                    .setKeepAlive(true)
                    .setIdleTimeout(0));
            long openStart = System.nanoTime();
            openStreams(client, recipients, base);
            System.out.printf(
                    Locale.ROOT,
                    "opened %d streams in %.1f s%n",
                    openStreams.get(),
                    (System.nanoTime() - openStart) / 1e9);
            Thread.sleep(3000);
            long[] after = memory(base, pid);

            // warm-up (consumer assignment, JIT), then the measured run
            produce(producer, actor, recipients, WARMUP_SECONDS);
            Thread.sleep(2000);
            latenciesMicros.clear();
            received.set(0);
            measuring = true;
            long start = System.nanoTime();
            int sent = produce(producer, actor, recipients, SECONDS);
            double producing = (System.nanoTime() - start) / 1e9;
            // let the backlog drain: until nothing arrived for 10 s (at most DRAIN seconds)
            long quietSince = System.nanoTime();
            long last = -1;
            long lastArrival = System.nanoTime();
            while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(10)
                    && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(SECONDS + DRAIN_SECONDS)) {
                Thread.sleep(1000);
                long now = received.get();
                if (now != last) {
                    last = now;
                    quietSince = System.nanoTime();
                    lastArrival = quietSince;
                }
            }
            measuring = false;
            System.out.printf(
                    Locale.ROOT,
                    "produced %d events in %.1f s; the last frame arrived %.1f s after the first event (%.0f notifications/s delivered)%n",
                    sent,
                    producing,
                    (lastArrival - start) / 1e9,
                    received.get() / 2.0 / Math.max(0.001, (lastArrival - start) / 1e9));
            report(sent, before, after);
            vertx.close();
        }
    }

    private void openStreams(io.vertx.core.http.HttpClient client, UUID[] recipients, String base) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch opened = new CountDownLatch(STREAMS);
        for (int i = 0; i < STREAMS; i++) {
            UUID user = recipients[i % recipients.length];
            String sid = UUID.randomUUID().toString();
            pool.submit(() -> {
                try {
                    String token = TestJwt.withSid(user, "u" + user.toString().substring(0, 8), sid, "user");
                    HttpResponse<String> ticket = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/notifications/stream-tickets"))
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    String value = JSON.readTree(ticket.body()).get("ticket").asText();
                    CountDownLatch one = new CountDownLatch(1);
                    open(client, value, opened, one);
                    one.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.err.println("stream not opened: " + e);
                    opened.countDown();
                }
            });
        }
        opened.await(10, TimeUnit.MINUTES);
        pool.shutdown();
    }

    private void open(io.vertx.core.http.HttpClient client, String ticket, CountDownLatch opened, CountDownLatch one) {
        client.request(HttpMethod.GET, "/api/notifications/stream?ticket=" + ticket)
                .compose(request ->
                        request.putHeader("Accept", "text/event-stream").send())
                .onComplete(ar -> {
                    if (ar.failed() || ar.result().statusCode() != 200) {
                        System.err.println("stream refused: "
                                + (ar.failed() ? ar.cause() : ar.result().statusCode()));
                        opened.countDown();
                        one.countDown();
                        return;
                    }
                    openStreams.incrementAndGet();
                    opened.countDown();
                    one.countDown();
                    StringBuilder text = new StringBuilder();
                    ar.result().handler(buffer -> {
                        long now = nowMicros();
                        text.append(buffer.toString());
                        int end;
                        while ((end = text.indexOf("\n\n")) >= 0) {
                            String frame = text.substring(0, end);
                            text.delete(0, end + 2);
                            frame(frame, now);
                        }
                    });
                    ar.result().endHandler(v -> closedStreams.incrementAndGet());
                });
    }

    private void frame(String frame, long nowMicros) {
        if (!frame.contains("event: notification")) {
            return;
        }
        int data = frame.indexOf("data: ");
        if (data < 0) {
            return;
        }
        try {
            JsonNode item = JSON.readTree(frame.substring(data + 6));
            Instant updated = Instant.parse(item.get("updatedAt").asText());
            if (measuring) {
                latenciesMicros.add(nowMicros - (updated.getEpochSecond() * 1_000_000 + updated.getNano() / 1000));
                received.incrementAndGet();
            }
        } catch (Exception e) {
            System.err.println("unreadable frame: " + e.getMessage());
        }
    }

    /** RATE reaction-added events per second for the given seconds, each for a random recipient's new post. */
    private int produce(KafkaProducer<String, String> producer, UUID actor, UUID[] recipients, int seconds)
            throws Exception {
        int total = RATE * seconds;
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            UUID recipient = recipients[ThreadLocalRandom.current().nextInt(recipients.length)];
            UUID post = UUID.randomUUID();
            send(
                    producer,
                    Events.REACTION_ADDED,
                    actor.toString(),
                    new ReactionAdded("post", post, post, recipient, actor, "like", Instant.now()));
        }
        producer.flush();
        return total;
    }

    private void report(int sent, long[] before, long[] after) {
        long[] sorted =
                latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        long expected = 2L * sent; // every recipient has two streams
        System.out.printf(
                Locale.ROOT,
                "streams open: %d (closed meanwhile: %d), notifications: %d at %d/s for %d s, frames expected %d, received %d%n",
                openStreams.get() - closedStreams.get(),
                closedStreams.get(),
                sent,
                RATE,
                SECONDS,
                expected,
                received.get());
        if (sorted.length > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "latency commit->client ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                    pct(sorted, 50),
                    pct(sorted, 90),
                    pct(sorted, 99),
                    sorted[sorted.length - 1] / 1000.0);
        }
        int n = Math.max(1, openStreams.get());
        System.out.printf(
                Locale.ROOT,
                "memory: heap after GC %.1f MiB -> %.1f MiB (%.1f KiB per stream); RSS %.1f MiB -> %.1f MiB (%.1f KiB per stream)%n",
                before[0] / 1048576.0,
                after[0] / 1048576.0,
                (after[0] - before[0]) / 1024.0 / n,
                before[1] / 1048576.0,
                after[1] / 1048576.0,
                (after[1] - before[1]) / 1024.0 / n);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }

    /** {heap used after a full GC, RSS} in bytes. */
    private static long[] memory(String base, long pid) throws Exception {
        new ProcessBuilder(jcmd(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true)
                .start()
                .waitFor();
        Thread.sleep(1000);
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
        long heap = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return new long[] {heap, rss};
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private Process startService(Path jar, Infrastructure infra, int port) throws IOException {
        ServiceDatabase db = infra.serviceDatabase("notifications");
        Path jwks = Files.createTempFile("bench-jwks", ".json");
        try (var in = StreamBench.class.getClassLoader().getResourceAsStream(TestJwt.JWKS_LOCATION)) {
            Files.write(jwks, in.readAllBytes());
        }
        Path log = Path.of("services/notifications/target/bench-service.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("QUARKUS_REDIS_HOSTS", infra.redisUrl());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwks.toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestJwt.ISSUER);
        env.put("QUARKUS_MAILER_MOCK", "true");
        System.out.println("service log: " + log.toAbsolutePath());
        return builder.start();
    }

    private static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("notifications was not ready within 3 minutes");
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props);
    }

    private static <T> void send(KafkaProducer<String, String> producer, EventType<T> type, String key, T payload)
            throws Exception {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(type.topic(), key, JSON.writeValueAsString(payload));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/chorus/bench");
        header(record, "ce_type", type.type());
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        producer.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime")
                            .start()
                            .getInputStream()
                            .readAllBytes())
                    .trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private StreamBench() {}
}
