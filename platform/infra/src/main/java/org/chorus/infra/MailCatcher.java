package org.chorus.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * GreenMail standalone in a child process: a real SMTP server (no auth, no TLS) that keeps every
 * message in memory, with a REST API to read them ({@code GET /api/user/{email}/messages/INBOX}).
 */
final class MailCatcher implements AutoCloseable {

    private final Path dir;
    private final Path log;
    private final int smtpPort;
    private final int apiPort;
    private ChildProcess process;

    /** Does not start yet: see {@link #start()}. */
    MailCatcher(Path dir, Path log, int smtpPort, int apiPort) {
        this.dir = dir;
        this.log = log;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    void start() {
        Path jar = ServerJars.directory("greenmail").resolve("greenmail-standalone.jar");
        process = ChildProcess.startJava(
                "GreenMail",
                List.of(
                        "-Xmx128m",
                        // only SMTP (no IMAP/POP3 ports to collide with), on loopback
                        "-Dgreenmail.smtp.hostname=127.0.0.1",
                        "-Dgreenmail.smtp.port=" + smtpPort,
                        "-Dgreenmail.hostname=127.0.0.1",
                        // accept mail for any address without an account
                        "-Dgreenmail.auth.disabled",
                        "-Dgreenmail.api.hostname=127.0.0.1",
                        "-Dgreenmail.api.port=" + apiPort,
                        "-jar",
                        jar.toString()),
                dir,
                log);
        process.awaitListening(smtpPort, Duration.ofSeconds(60));
        process.awaitListening(apiPort, Duration.ofSeconds(60));
    }

    int smtpPort() {
        return smtpPort;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
        }
    }
}
