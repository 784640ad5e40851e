package org.chorus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What to start and where.
 *
 * @param dataDir     where every part keeps its data (a sub-directory each)
 * @param persistent  keep the data on close (the launcher), or delete it (tests)
 * @param mailCatcher also start the SMTP catcher
 * @param postgresPort and the other ports: 0 picks a free port
 */
public record InfraOptions(Path dataDir, boolean persistent, int postgresPort, int redisPort, int kafkaPort,
                           int kafkaControllerPort, int smtpPort, int mailApiPort, boolean mailCatcher) {

    /** The fixed local ports that `./chorus up` and `./chorus infra` use (see the README). */
    public static InfraOptions local(Path dataDir) {
        return new InfraOptions(dataDir, true, 15432, 16379, 19092, 19093, 3025, 18025, true);
    }

    /** Random free ports and a temporary directory that is deleted on close: for tests. */
    public static InfraOptions ephemeral(boolean mailCatcher) {
        try {
            return new InfraOptions(Files.createTempDirectory("chorus-infra-"), false, 0, 0, 0, 0, 0, 0, mailCatcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
