package org.chorus.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * GreenMail standalone in a child process: a real SMTP server that keeps every message, with a
 * REST API to read them ({@code GET /api/user/{email}/messages/INBOX}).
 */
final class MailCatcher implements AutoCloseable {

    private final int smtpPort;
    private final int apiPort;
    private final ChildProcess process;

    MailCatcher(Path dir, int smtpPort, int apiPort) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        Path jar = ServerJars.directory("greenmail").resolve("greenmail-standalone.jar");
        this.process = ChildProcess.startJava("greenmail", List.of("-Xmx128m",
                        "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                        "-Dgreenmail.hostname=127.0.0.1",
                        "-Dgreenmail.auth.disabled",
                        "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                        "-jar", jar.toString()),
                dir, dir.resolve("greenmail.log"));
        Ports.awaitListening(smtpPort, Duration.ofSeconds(30), "GreenMail SMTP", process.process());
        Ports.awaitListening(apiPort, Duration.ofSeconds(30), "GreenMail API", process.process());
    }

    int smtpPort() {
        return smtpPort;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public void close() {
        process.stop();
    }
}
