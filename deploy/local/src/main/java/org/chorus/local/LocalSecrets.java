package org.chorus.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets a production deployment takes from its secret store, made once per local data
 * directory and kept beside the data they protect (a new key would make stored TOTP secrets
 * unreadable).
 */
final class LocalSecrets {

    private LocalSecrets() {}

    /** The AES-256 key login encrypts TOTP secrets with (CHORUS_MFA_SECRET_KEY), Base64. */
    static String mfaKey(Path dataDir) {
        Path file = dataDir.resolve("secrets").resolve("mfa-secret-key");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection has to do
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
