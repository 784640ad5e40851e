package org.chorus.local;

import java.nio.file.Path;

import org.chorus.infra.InfraOptions;
import org.chorus.infra.Infrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/**
 * The suite as {@code ./chorus up} runs it — real PostgreSQL, Redis, Kafka and SMTP, the gateway and the services as
 * separate processes configured by environment — started once for every end-to-end class of the test JVM
 * ({@code @ExtendWith(RunningSuite.class)}) and stopped when the JVM's tests are done. Starting it takes most of a
 * minute, so the classes share one.
 */
public final class RunningSuite implements BeforeAllCallback {

    private static Started started;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RunningSuite.class) {
            if (started == null) {
                // the root store closes it after the last class of the JVM, also when a class fails
                started = context.getRoot()
                        .getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class);
            }
        }
        RestAssured.baseURI = started.suite.gatewayUrl();
    }

    public static Infrastructure infra() {
        return running().infra;
    }

    public static Suite suite() {
        return running().suite;
    }

    private static Started running() {
        if (started == null) {
            throw new IllegalStateException("add @ExtendWith(RunningSuite.class) to the test class");
        }
        return started;
    }

    private record Started(Infrastructure infra, Suite suite) implements ExtensionContext.Store.CloseableResource {

        static Started start() {
            Path root = Path.of(System.getProperty("chorus.root", "../.."))
                    .toAbsolutePath()
                    .normalize();
            Infrastructure infra = Infrastructure.start(InfraOptions.ephemeral());
            try {
                Part.SERVICES.forEach(infra::serviceDatabase);
                Suite suite = Suite.start(root, root.resolve("deploy/local/target/e2e-logs"), infra, Suite.freePorts());
                return new Started(infra, suite);
            } catch (RuntimeException e) {
                infra.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                suite.close();
            } finally {
                infra.close();
            }
        }
    }
}
