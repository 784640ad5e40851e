package org.chorus.login.config;

import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Password hashing: argon2id at OWASP's recommended minimum by default. */
@ConfigMapping(prefix = "chorus.password")
public interface PasswordConfig {

    Argon2 argon2();

    /**
     * Hashes running at once. Each holds {@code memory-kib} of memory, so this bounds memory use
     * whatever the request rate. Defaults to the number of processors.
     */
    OptionalInt maxConcurrentHashes();

    /** How long a request waits for a hashing slot before it is answered 503 with Retry-After. */
    @WithDefault("5s")
    Duration hashQueueTimeout();

    interface Argon2 {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();

        @WithDefault("16")
        int saltLength();

        @WithDefault("32")
        int hashLength();
    }
}
