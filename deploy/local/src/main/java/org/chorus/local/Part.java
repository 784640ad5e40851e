package org.chorus.local;

import java.nio.file.Path;
import java.util.List;

/** One process of the suite: the gateway or a service, where its jar is and its local port. */
public record Part(String name, String directory, int defaultPort) {

    public static final List<Part> ALL = List.of(
            new Part("gateway", "gateway", 8080),
            new Part("login", "services/login", 8081),
            new Part("users", "services/users", 8082),
            new Part("content", "services/content", 8083),
            new Part("admin", "services/admin", 8084),
            new Part("notifications", "services/notifications", 8085));

    public static final List<String> SERVICES = List.of("login", "users", "content", "admin", "notifications");

    public Path jar(Path root) {
        return root.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where the build leaves the part's AppCDS archive ({@code quarkus.package.jar.appcds.enabled}). */
    public Path appCdsArchive(Path root) {
        return root.resolve(directory).resolve("target/quarkus-app/app-cds.jsa");
    }

    /** The part of that name. */
    public static Part named(String name) {
        return ALL.stream()
                .filter(p -> p.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
    }

    public boolean isGateway() {
        return name.equals("gateway");
    }
}
