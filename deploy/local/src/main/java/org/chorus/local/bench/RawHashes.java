package org.chorus.local.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw reference of the login benchmark, run in a JVM of its own with login's flags and login's classpath: argon2id
 * hashes with login's own {@code Argon2idHash.compute} (the call login's hashing threads make, nothing around it) on
 * {@code threads} threads. It reads a slice length in milliseconds per line from standard input and answers
 * {@code <hashes> <nanos>} for each; it stays up between slices, warm as a long-running service is.
 * Arguments: {@code threads memoryKib iterations parallelism hashLength}.
 */
public final class RawHashes {

    private RawHashes() {}

    public static void main(String[] args) throws Throwable {
        int threads = Integer.parseInt(args[0]);
        int memoryKib = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        int hashLength = Integer.parseInt(args[4]);
        // looked up, not linked: the launcher's module knows no service (ArchitectureTest)
        MethodHandle compute = MethodHandles.publicLookup()
                .findStatic(
                        Class.forName("org.chorus.login.service.Argon2idHash"),
                        "compute",
                        MethodType.methodType(
                                Class.forName("org.chorus.login.service.Argon2idHash"),
                                byte[].class,
                                byte[].class,
                                int.class,
                                int.class,
                                int.class,
                                int.class));
        byte[] password = "a passphrase of the usual length".getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.isBlank()) {
            long end = System.nanoTime() + Long.parseLong(line.trim()) * 1_000_000L;
            AtomicLong done = new AtomicLong();
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    byte[] salt = new byte[16];
                    SecureRandom random = new SecureRandom();
                    while (System.nanoTime() < end) {
                        random.nextBytes(salt);
                        try {
                            compute.invoke(password, salt, memoryKib, iterations, parallelism, hashLength);
                        } catch (Throwable e) {
                            throw new IllegalStateException(e);
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            System.out.println(done.get() + " " + (System.nanoTime() - start));
            System.out.flush();
        }
        pool.shutdownNow();
    }
}
