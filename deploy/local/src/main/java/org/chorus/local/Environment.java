package org.chorus.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.chorus.infra.Infrastructure;
import org.chorus.infra.ServiceDatabase;

/**
 * The configuration each process gets — environment variables only, exactly as a production
 * deployment would set them (see k8s/config.yaml).
 */
final class Environment {

    private final Infrastructure infra;
    private final Map<String, Integer> ports;

    Environment(Infrastructure infra, Map<String, Integer> ports) {
        this.infra = infra;
        this.ports = ports;
    }

    Map<String, String> of(Part part) {
        Map<String, String> env = new LinkedHashMap<>();
        String publicUrl = "http://localhost:" + ports.get("gateway");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(part.name())));
        env.put("QUARKUS_REDIS_HOSTS", infra.redisUrl());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", local("login") + "/api/auth/jwks");
        env.put("MP_JWT_VERIFY_ISSUER", publicUrl);
        if (part.isGateway()) {
            for (String service : Part.SERVICES) {
                env.put("CHORUS_GATEWAY_UPSTREAM_" + service.toUpperCase(), local(service));
            }
            // a front-end under development on the usual dev-server ports may call the API
            env.put("QUARKUS_HTTP_CORS_ORIGINS", "http://localhost:3000,http://localhost:5173");
            // every end-to-end member signs up and logs in from 127.0.0.1, and the security suites send thousands of
            // requests with a few members' tokens: the tests raise the limits of the route classes
            // (chorus.gateway.rate-limit.<class>-limit)
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith("chorus.gateway.rate-limit.")) {
                    fromSystemProperty(name)
                            .ifPresent(limit -> env.put(
                                    name.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"), limit));
                }
            }
            return env;
        }
        // a start-up transaction (login's first signing key) outlived the default 60 s on a machine at load 50
        fromSystemProperty("chorus.suite.transaction-timeout")
                .ifPresent(timeout -> env.put("QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", timeout));
        // and Flyway's first connection waited longer than the pool's default 5 s there (users, content, notifications)
        fromSystemProperty("chorus.suite.acquisition-timeout")
                .ifPresent(timeout -> env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", timeout));
        ServiceDatabase database = infra.serviceDatabase(part.name());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        switch (part.name()) {
            case "login" -> {
                env.put("CHORUS_JWT_ISSUER", publicUrl);
                env.put("CHORUS_PUBLIC_URL", publicUrl);
                env.put("CHORUS_MFA_SECRET_KEY", LocalSecrets.mfaKey(infra.dataDir()));
                bootstrapAdmins().ifPresent(names -> env.put("CHORUS_BOOTSTRAP_ADMINS", names));
                // every end-to-end member signs up from 127.0.0.1: the tests raise the per-address limit (10/1h)
                fromSystemProperty("chorus.abuse.signup-per-ip")
                        .ifPresent(limit -> env.put("CHORUS_ABUSE_SIGNUP_PER_IP", limit));
            }
            // links in mails (appeal, unsubscribe) must name the gateway the client talks to
            case "admin" -> env.put("CHORUS_PUBLIC_URL", publicUrl);
            case "notifications" -> {
                env.put("CHORUS_PUBLIC_URL", publicUrl);
                env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                env.put("QUARKUS_MAILER_PORT", String.valueOf(infra.smtpPort()));
                env.put("QUARKUS_MAILER_MOCK", "false");
                env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
            }
            default -> {}
        }
        return env;
    }

    private static Optional<String> fromSystemProperty(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The first administrators, from the launcher's own environment ({@code CHORUS_BOOTSTRAP_ADMINS=ada@example.org
     * ./chorus up}) or, for tests that start the suite, the system property {@code chorus.bootstrap-admins}.
     */
    private static Optional<String> bootstrapAdmins() {
        String names = System.getProperty("chorus.bootstrap-admins", System.getenv("CHORUS_BOOTSTRAP_ADMINS"));
        return names == null || names.isBlank() ? Optional.empty() : Optional.of(names);
    }

    private String local(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }
}
