package org.chorus.login.service;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

/**
 * An argon2id hash with the parameters it was made with, in the PHC string format that the
 * reference implementation writes: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and
 * hash in standard Base64 without padding. Carrying the parameters lets them change over time.
 * A value: equal when parameters, salt and hash are (a record compares arrays by identity, so
 * equality, hash code and the accessors are written out here, and the arrays are copied in and out).
 */
public record Argon2idHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    /**
     * The reference implementation (libargon2, bundled for Linux, macOS and Windows on x86-64 and ARM) through JNA:
     * its 19 MiB per hash are malloc'd and freed outside the Java heap, where Bouncy Castle's 19,456 Java objects per
     * hash kept a small heap collecting; and it is about three times as fast (deploy/README.md, login benchmark).
     */
    private static final Argon2Advanced ARGON2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);

    public Argon2idHash {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid argon2id parameters");
        }
        salt = Objects.requireNonNull(salt, "salt").clone();
        hash = Objects.requireNonNull(hash, "hash").clone();
    }

    /** Hashes {@code password} (its UTF-8 bytes) with libargon2's argon2id, version 1.3. */
    public static Argon2idHash compute(
            byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int hashLength) {
        byte[] out = ARGON2.rawHashAdvanced(
                iterations, memoryKib, parallelism, password, salt, null, null, hashLength, Argon2Version.V13);
        return new Argon2idHash(memoryKib, iterations, parallelism, salt, out);
    }

    /** Reads a PHC string; throws IllegalArgumentException for anything but argon2id v=19. */
    public static Argon2idHash parse(String phc) {
        if (phc == null || !phc.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an argon2id v19 PHC string");
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            throw new IllegalArgumentException("malformed PHC string");
        }
        int m = -1;
        int t = -1;
        int p = -1;
        for (String parameter : parts[0].split(",")) {
            String[] kv = parameter.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("malformed PHC parameter");
            }
            int value = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException("unknown PHC parameter " + kv[0]);
            }
        }
        return new Argon2idHash(m, t, p, B64_DECODER.decode(parts[1]), B64_DECODER.decode(parts[2]));
    }

    public String phc() {
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Recomputes with this hash's own parameters and salt; compares in constant time. */
    public boolean matches(byte[] password) {
        Argon2idHash candidate = compute(password, salt, memoryKib, iterations, parallelism, hash.length);
        return MessageDigest.isEqual(candidate.hash, hash);
    }

    public boolean hasParameters(int memoryKib, int iterations, int parallelism, int hashLength) {
        return this.memoryKib == memoryKib
                && this.iterations == iterations
                && this.parallelism == parallelism
                && hash.length == hashLength;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Argon2idHash that
                && memoryKib == that.memoryKib
                && iterations == that.iterations
                && parallelism == that.parallelism
                && Arrays.equals(salt, that.salt)
                && MessageDigest.isEqual(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memoryKib, iterations, parallelism, Arrays.hashCode(salt), Arrays.hashCode(hash));
    }

    /** Parameters only: the salt and the hash stay out of logs. */
    @Override
    public String toString() {
        return "Argon2idHash[m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "]";
    }
}
