package org.chorus.login.bench;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.chorus.login.support.Accounts;
import org.chorus.login.support.Http;
import org.chorus.testing.ChorusInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A benchmark, not a test (run only with {@code -Dbench=true}; its name keeps it out of {@code verify}):
 * does a wrong password for an existing account take as long as a login naming no account? One
 * client sends one login at a time (nothing queues: what is measured is the work of one attempt),
 * in slices of {@code bench.timing.requests} requests taken alternately in ABBA order (wrong
 * password, unknown, unknown, wrong password, ...) so the machine's drift weighs on both alike,
 * after {@code bench.timing.warmup-seconds} of both. Reports the median latency of each kind, their
 * ratio, and the ratio of the medians of each slice pair.
 * <p>
 * Run: {@code ./mvnw -o -q -pl services/login -am test -Dtest=LoginTimingBenchmark -Dbench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (options {@code -Dbench.timing.slices=16
 * -Dbench.timing.requests=40 -Dbench.timing.warmup-seconds=60 -Dbench.timing.accounts=20}); the
 * result also goes to {@code target/bench-timing-results.txt}. Lockout and the per-address limit
 * are set out of reach (profile below) so every wrong password takes the ordinary failure path.
 */
@QuarkusTest
@TestProfile(LoginTimingBenchmark.NoLockout.class)
@QuarkusTestResource(ChorusInfrastructureResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class LoginTimingBenchmark {

    /** Every wrong password is an ordinary one: no account ever locks, no address is ever refused. */
    public static class NoLockout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chorus.abuse.lockout-threshold", "1000000000",
                    "chorus.abuse.max-failures-per-hour", "1000000000",
                    "chorus.abuse.login-failures-per-ip", "1000000000/1m");
        }
    }

    @TestHTTPResource("/api/auth/login")
    URL login;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measure() throws Exception {
        int slices = Integer.getInteger("bench.timing.slices", 16);
        int perSlice = Integer.getInteger("bench.timing.requests", 40);
        long warmUpNanos = Long.getLong("bench.timing.warmup-seconds", 60) * 1_000_000_000L;
        List<Accounts.SignedUp> accounts = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.timing.accounts", 20); i++) {
            accounts.add(Accounts.signUp());
        }
        Kind wrongPassword = () -> accounts.get(ThreadLocalRandom.current().nextInt(accounts.size())).username();
        Kind unknown = () -> "nobody_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        long warmUpEnd = System.nanoTime() + warmUpNanos;
        while (System.nanoTime() < warmUpEnd) {
            slice(wrongPassword, 10);
            slice(unknown, 10);
        }
        List<Long> wrong = new ArrayList<>();
        List<Long> none = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < slices / 2; i++) {
            long[] w;
            long[] u;
            if (i % 2 == 0) {
                w = slice(wrongPassword, perSlice);
                u = slice(unknown, perSlice);
            } else {
                u = slice(unknown, perSlice);
                w = slice(wrongPassword, perSlice);
            }
            Arrays.stream(w).forEach(wrong::add);
            Arrays.stream(u).forEach(none::add);
            pairs.add(String.format("%.3f", median(w) / median(u)));
        }
        double medianWrong = median(wrong.stream().mapToLong(Long::longValue).toArray());
        double medianUnknown = median(none.stream().mapToLong(Long::longValue).toArray());
        String report = String.format("""
                login timing benchmark: one client, %d slices of %d logins in ABBA order after %d s of warm-up
                  wrong password, existing account: median %6.2f ms  (%d logins)
                  login naming no account          : median %6.2f ms  (%d logins)
                  wrong password / unknown          : %6.3f  (per slice pair: %s)
                """, slices, perSlice, warmUpNanos / 1_000_000_000L, medianWrong / 1e6, wrong.size(),
                medianUnknown / 1e6, none.size(), medianWrong / medianUnknown, String.join(" ", pairs));
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-timing-results.txt"), report);
    }

    /** The latency of each of {@code count} failed logins of one kind, one after the other, in nanoseconds. */
    private long[] slice(Kind kind, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(login.toString()))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", Http.randomAddress())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + kind.login()
                            + "\",\"password\":\"not the password of anyone\"}"))
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 401) {
                throw new IllegalStateException("a failed login answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        return nanos;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    @FunctionalInterface
    private interface Kind {
        String login();
    }
}
