package org.chorus.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.chorus.infra.InfraOptions;
import org.chorus.infra.Infrastructure;
import org.chorus.infra.PortInUseException;

/** {@code ./chorus up [--fresh]}, {@code ./chorus infra}: the whole suite, or its infrastructure, on this machine. */
public final class Chorus {

    private Chorus() {}

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "help" : arguments.get(0);
        Path root =
                Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        Path home =
                System.getenv("CHORUS_HOME") != null ? Path.of(System.getenv("CHORUS_HOME")) : root.resolve(".chorus");
        try {
            switch (command) {
                case "up" -> up(root, home, arguments.contains("--fresh"));
                case "infra" -> infra(home, arguments.contains("--fresh"));
                default -> help();
            }
        } catch (PortInUseException e) {
            System.err.println("chorus: " + e.getMessage());
            System.exit(2);
        } catch (IllegalStateException e) {
            System.err.println("chorus: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(Path root, Path home, boolean fresh) {
        Map<String, Integer> ports = Suite.fixedPorts();
        Infrastructure infra = startInfrastructure(home, fresh);
        AtomicReference<Suite> running = new AtomicReference<>();
        // registered before the services start, so Ctrl-C during start-up leaves nothing behind
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nchorus: stopping …");
                            Suite suite = running.get();
                            if (suite != null) {
                                suite.close();
                            }
                            infra.close();
                        },
                        "chorus-stop"));
        System.out.println("chorus: infrastructure up; starting the gateway and five services …");
        Suite suite = Suite.start(root, home.resolve("logs"), infra, ports);
        running.set(suite);
        System.out.printf(
                """

                Chorus is up.
                  gateway            %s
                  Swagger UI         %s
                  mail catcher API   %s/api/user/<email>/messages/INBOX
                  data               %s
                  logs               %s
                Ctrl-C stops everything.
                %n""",
                suite.gatewayUrl(), swaggerUrls(suite), infra.mailApiUrl(), home.resolve("data"), home.resolve("logs"));
        waitForever();
    }

    private static String swaggerUrls(Suite suite) {
        StringBuilder urls = new StringBuilder();
        for (Part part : Part.ALL) {
            if (!urls.isEmpty()) {
                urls.append("\n                     ");
            }
            urls.append(String.format("%-14s %s/q/swagger-ui", part.name(), suite.url(part.name())));
        }
        return urls.toString();
    }

    private static void infra(Path home, boolean fresh) {
        Infrastructure infra = startInfrastructure(home, fresh);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "chorus-stop"));
        System.out.printf(
                """

                Infrastructure is up (Ctrl-C stops it). To run one service in dev mode, its %%dev profile
                already points here; or export:
                  export QUARKUS_DATASOURCE_JDBC_URL=%s QUARKUS_DATASOURCE_USERNAME=%s QUARKUS_DATASOURCE_PASSWORD=%s
                  export QUARKUS_REDIS_HOSTS=%s KAFKA_BOOTSTRAP_SERVERS=%s
                  export QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=%d   # mail API: %s
                then: ./mvnw -pl services/<name> quarkus:dev
                %n""",
                infra.postgresUrl(),
                infra.postgresUser(),
                infra.postgresPassword(),
                infra.redisUrl(),
                infra.kafkaBootstrap(),
                infra.smtpPort(),
                infra.mailApiUrl());
        waitForever();
    }

    private static Infrastructure startInfrastructure(Path home, boolean fresh) {
        Path data = home.resolve("data");
        System.out.println("chorus: starting PostgreSQL, Redis, Kafka and the mail catcher (data in " + data + ") …");
        Infrastructure infra = Infrastructure.start(InfraOptions.local(data, fresh));
        Part.SERVICES.forEach(infra::serviceDatabase);
        return infra;
    }

    private static void waitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void help() {
        System.out.println("""
                usage: ./chorus <command>
                  up [--fresh]     build, then run infrastructure, the gateway and the five services; Ctrl-C stops all
                                   (--fresh: start from empty data)
                  infra [--fresh]  run only PostgreSQL, Redis, Kafka and the mail catcher, for dev mode
                  help             this text
                Data and logs live under .chorus/ (or $CHORUS_HOME).""");
    }
}
