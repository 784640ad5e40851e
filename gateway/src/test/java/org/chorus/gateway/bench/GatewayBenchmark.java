package org.chorus.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.gateway.testing.TestKeys;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * An authenticated read ({@code GET /api/users/me} with a valid token) through the gateway and straight to the same
 * fake users service, in interleaved slices (direct, gateway, gateway, direct, ...: ABBA, so drift in the machine's
 * load hits both alike). Reports both throughputs, their ratio and the gateway's CPU per request: the process CPU
 * time of a gateway slice minus that of a direct slice (the load generator and the fake service run in both), per
 * request. Not part of {@code ./mvnw verify}; run with
 * {@code ./mvnw -o -q -pl gateway -am verify -Dtest=GatewayBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (optional {@code -Dbench.slices=8 -Dbench.sliceSeconds=5 -Dbench.connections=32}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
@TestProfile(GatewayBenchmark.Unthrottled.class)
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class GatewayBenchmark {

    /** Requests that failed or were not 200, over the whole run (reported; should be 0). */
    private static final AtomicLong ERRORS = new AtomicLong();

    /**
     * One caller sends every request: a reads budget it cannot spend, so the benchmark measures the limiter's cost
     * (its Redis call stays on every request) without meeting a 429.
     */
    public static class Unthrottled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chorus.gateway.rate-limit.reads-limit", "1000000000");
        }
    }

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void authenticatedReadThroughTheGatewayAndDirect() throws Exception {
        int slices = Integer.getInteger("bench.slices", 8);
        int seconds = Integer.getInteger("bench.sliceSeconds", 5);
        int connections = Integer.getInteger("bench.connections", 32);
        String token = TestKeys.validToken();
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(
                    new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
            int direct = FakeUpstreams.port("users");
            // warm-up: JIT, pools, the verified-token cache
            run(client, "localhost", gateway.getPort(), token, connections, 3);
            run(client, "localhost", direct, token, connections, 3);
            List<double[]> viaGateway = new ArrayList<>();
            List<double[]> straight = new ArrayList<>();
            for (int i = 0; i < slices; i++) {
                boolean gatewayFirst = i % 2 == 1;
                for (int j = 0; j < 2; j++) {
                    if ((j == 0) == gatewayFirst) {
                        viaGateway.add(run(client, "localhost", gateway.getPort(), token, connections, seconds));
                    } else {
                        straight.add(run(client, "localhost", direct, token, connections, seconds));
                    }
                }
            }
            double g = mean(viaGateway, 0);
            double d = mean(straight, 0);
            double cpuPerRequestMicros = (mean(viaGateway, 1) - mean(straight, 1));
            System.out.printf(
                    Locale.ROOT,
                    "BENCH gateway %.0f req/s, direct %.0f req/s, ratio %.2f, gateway CPU %.0f µs/request"
                            + " (%d slices of %d s each, %d connections, %d cores, %d failed requests)%n",
                    g,
                    d,
                    g / d,
                    cpuPerRequestMicros,
                    slices,
                    seconds,
                    connections,
                    Runtime.getRuntime().availableProcessors(),
                    ERRORS.get());
            assertTrue(g > 0 && d > 0);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** @return {requests per second, process CPU µs per request} */
    private static double[] run(HttpClient client, String host, int port, String token, int connections, int seconds)
            throws Exception {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(host)
                .setPort(port)
                .setURI("/api/users/me")
                .addHeader("Authorization", "Bearer " + token);
        options.setIdleTimeout(10_000);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            CompletableFuture<Void> loop = new CompletableFuture<>();
            loops.add(loop);
            next(client, options, done, end, loop);
        }
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        return new double[] {done.get() / elapsed, cpu / 1000.0 / Math.max(1, done.get())};
    }

    private static void next(
            HttpClient client, RequestOptions options, AtomicLong done, long end, CompletableFuture<Void> loop) {
        if (System.nanoTime() >= end) {
            loop.complete(null);
            return;
        }
        client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result() == 200) {
                        done.incrementAndGet();
                    } else {
                        // counted, not fatal: one stuck or failed request must not void the whole run
                        ERRORS.incrementAndGet();
                    }
                    next(client, options, done, end, loop);
                });
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double mean(List<double[]> runs, int index) {
        return runs.stream().mapToDouble(r -> r[index]).average().orElse(0);
    }
}
