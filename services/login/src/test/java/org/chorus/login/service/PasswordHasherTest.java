package org.chorus.login.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chorus.login.config.PasswordConfig;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void newHashesCarryTheConfiguredParametersAndAFreshSalt() {
        PasswordHasher hasher = new PasswordHasher(config(19456, 2, 1, 2, Duration.ofSeconds(5)));
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertTrue(hasher.verify("correct horse battery staple", first).matches());
        assertFalse(hasher.verify("correct horse battery stapl", first).matches());
    }

    @Test
    void aMatchingHashWithOlderParametersAsksForARehash() {
        PasswordHasher old = new PasswordHasher(config(8192, 1, 1, 1, Duration.ofSeconds(5)));
        PasswordHasher current = new PasswordHasher(config(19456, 2, 1, 1, Duration.ofSeconds(5)));
        String stored = old.hash("s3cret-enough");
        assertEquals(new PasswordHasher.Verification(true, true), current.verify("s3cret-enough", stored));
        assertEquals(
                new PasswordHasher.Verification(false, false),
                current.verify("wrong", stored),
                "a wrong password never triggers a rehash");
        assertEquals(new PasswordHasher.Verification(true, false), old.verify("s3cret-enough", stored));
    }

    @Test
    void anUnreadableStoredHashNeverMatches() {
        PasswordHasher hasher = new PasswordHasher(config(8192, 1, 1, 1, Duration.ofSeconds(5)));
        assertFalse(hasher.verify("anything", "plaintext-or-garbage").matches());
    }

    @Test
    void whenEveryHashingSlotIsTakenCallersAreToldToRetryInsteadOfQueueingForever() throws Exception {
        // one slot and a very slow hash (t=40): the second caller gives up after its short wait
        PasswordHasher hasher = new PasswordHasher(config(65536, 40, 1, 1, Duration.ofMillis(50)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            Future<String> slow = pool.submit(() -> {
                started.countDown();
                return hasher.hash("first caller holds the slot");
            });
            started.await(5, TimeUnit.SECONDS);
            Thread.sleep(20);
            ServiceBusyException busy = assertThrows(ServiceBusyException.class, () -> hasher.hash("second caller"));
            assertTrue(busy.retryAfter().toSeconds() >= 1);
            slow.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    static PasswordConfig config(int memoryKib, int iterations, int parallelism, int slots, Duration wait) {
        PasswordConfig.Argon2 argon2 = new PasswordConfig.Argon2() {
            public int memoryKib() {
                return memoryKib;
            }

            public int iterations() {
                return iterations;
            }

            public int parallelism() {
                return parallelism;
            }

            public int saltLength() {
                return 16;
            }

            public int hashLength() {
                return 32;
            }
        };
        return new PasswordConfig() {
            public Argon2 argon2() {
                return argon2;
            }

            public OptionalInt maxConcurrentHashes() {
                return OptionalInt.of(slots);
            }

            public Duration hashQueueTimeout() {
                return wait;
            }
        };
    }
}
