package org.chorus.login.service;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.login.config.PasswordConfig;

import io.quarkus.logging.Log;

/**
 * Hashes and verifies passwords with argon2id. Every hash takes a permit first: each one holds
 * {@code memory-kib} of memory for tens of milliseconds, so without a bound a flood of logins
 * could exhaust memory and every worker thread.
 *
 * <p>The hashes run on as many threads of their own as there are permits. libargon2 mallocs its memory per hash,
 * and glibc keeps a freed 19 MiB block in the arena of the thread that used it: run on any of the hundreds of
 * request threads, every arena (up to 8 per core) would end up holding one; on a few fixed threads the process
 * keeps one block per hashing thread, reused.
 */
@ApplicationScoped
public class PasswordHasher {

    private final PasswordConfig.Argon2 argon2;
    private final Semaphore permits;
    private final Duration queueTimeout;
    private final ExecutorService hashing;
    private final SecureRandom random = new SecureRandom();
    /** Verified instead of a real hash when the account does not exist, so both take as long. */
    private final String dummyHash;

    PasswordHasher(PasswordConfig config) {
        this.argon2 = config.argon2();
        int concurrency =
                config.maxConcurrentHashes().orElse(Runtime.getRuntime().availableProcessors());
        this.permits = new Semaphore(Math.max(1, concurrency), true);
        this.queueTimeout = config.hashQueueTimeout();
        this.hashing = Executors.newFixedThreadPool(Math.max(1, concurrency), new HashingThreads());
        this.dummyHash = hashUnbounded("dummy password that matches nothing".getBytes(StandardCharsets.UTF_8));
        Log.infof(
                "Password hashing: argon2id m=%d KiB, t=%d, p=%d; at most %d at once",
                argon2.memoryKib(), argon2.iterations(), argon2.parallelism(), Math.max(1, concurrency));
    }

    /** A PHC string for a new password, with the configured parameters and a fresh salt. */
    public String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        return bounded(() -> hashUnbounded(bytes));
    }

    /**
     * Whether the password matches the stored PHC string, and whether that string should be
     * replaced because it was made with other parameters than the configured ones.
     */
    public Verification verify(String password, String storedPhc) {
        Argon2idHash stored;
        try {
            stored = Argon2idHash.parse(storedPhc);
        } catch (IllegalArgumentException e) {
            Log.errorf("A stored password hash cannot be read (%s); treating it as not matching", e.getMessage());
            stored = Argon2idHash.parse(dummyHash);
        }
        Argon2idHash target = stored;
        boolean matches = bounded(() -> target.matches(password.getBytes(StandardCharsets.UTF_8)));
        boolean outdated = !stored.hasParameters(
                argon2.memoryKib(), argon2.iterations(), argon2.parallelism(), argon2.hashLength());
        return new Verification(matches, matches && outdated);
    }

    /** Spends the time of a verification without an account: answers for unknown users take as long. */
    public Verification verifyDummy(String password) {
        return verify(password, dummyHash);
    }

    private String hashUnbounded(byte[] password) {
        byte[] salt = new byte[argon2.saltLength()];
        random.nextBytes(salt);
        return Argon2idHash.compute(
                        password,
                        salt,
                        argon2.memoryKib(),
                        argon2.iterations(),
                        argon2.parallelism(),
                        argon2.hashLength())
                .phc();
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("interrupted while waiting to hash", Duration.ofSeconds(1));
        }
        if (!acquired) {
            throw new ServiceBusyException("too many password checks at once", Duration.ofSeconds(1));
        }
        try {
            // as many threads as permits: a permit holder never waits for a thread
            return hashing.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("interrupted while hashing", Duration.ofSeconds(1));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("argon2id failed", e.getCause());
        } finally {
            permits.release();
        }
    }

    @PreDestroy
    void stop() {
        hashing.shutdownNow();
    }

    /** Daemon threads named argon2-1, argon2-2, …: they never keep the JVM alive, and show as such in a profile. */
    private static final class HashingThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "argon2-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** @param needsRehash the password matched but its hash uses outdated parameters */
    public record Verification(boolean matches, boolean needsRehash) {}
}
