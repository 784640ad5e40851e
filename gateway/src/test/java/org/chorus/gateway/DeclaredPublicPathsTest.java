package org.chorus.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpMethod;

/**
 * Reads every service's JAX-RS resources and fails when an operation the service serves to anonymous callers
 * ({@code @PermitAll}, or no {@code @Authenticated}/{@code @RolesAllowed} on the method or its class) is not public
 * at the gateway: the edge must never hide what a service declares public (issue 13: avatars in every format).
 * It covers services added later without being edited.
 */
class DeclaredPublicPathsTest {

    private static final Pattern CLASS_PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern HTTP_METHOD = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH|HEAD)\\b");
    private static final Pattern CLASS_DECLARATION = Pattern.compile("\\bpublic\\s+(?:final\\s+)?class\\s+\\w+");
    private static final Pattern SECURED = Pattern.compile("@(Authenticated|RolesAllowed|DenyAll)\\b");
    private static final Pattern PERMIT_ALL = Pattern.compile("@PermitAll\\b");
    private static final Pattern SIGNATURE = Pattern.compile("\\n\\s+public\\s+[^\\n=;]*\\(");

    record Operation(String method, String path, boolean anonymous, Path source) {
    }

    @Test
    void everyPathAServiceServesAnonymouslyIsPublicAtTheGateway() throws IOException {
        Path services = Path.of("..", "services");
        assumeTrue(Files.isDirectory(services), "the services' sources are not next to the gateway");
        List<Operation> operations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(services)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("src" + java.io.File.separator + "main")).toList()) {
                operations.addAll(operations(file));
            }
        }
        assertTrue(operations.size() > 20, "found too few operations to trust the scan: " + operations.size());
        List<String> hidden = new ArrayList<>();
        for (Operation op : operations) {
            if (op.anonymous() && op.path().startsWith("/api/")
                    && !PublicPaths.isPublic(HttpMethod.valueOf(op.method()), op.path())) {
                hidden.add(op.method() + " " + op.path() + " (" + op.source().getFileName() + ")");
            }
        }
        assertTrue(hidden.isEmpty(), "public at the service but not at the gateway: " + hidden);
        // and the scan really tells the two apart
        assertTrue(operations.stream().anyMatch(op -> !op.anonymous()), "no secured operation found");
        assertTrue(operations.stream().anyMatch(op -> op.anonymous() && op.path().endsWith("/avatar.png")),
                "the users service's avatar.png was not found");
    }

    static List<Operation> operations(Path file) throws IOException {
        String source = Files.readString(file);
        Matcher declaration = CLASS_DECLARATION.matcher(source);
        if (!declaration.find()) {
            return List.of();
        }
        String header = source.substring(0, declaration.start());
        Matcher classPath = CLASS_PATH.matcher(header);
        if (!classPath.find()) {
            return List.of();
        }
        String base = classPath.group(1);
        boolean classSecured = SECURED.matcher(header).find();
        String body = source.substring(declaration.end());
        List<Operation> found = new ArrayList<>();
        Matcher method = HTTP_METHOD.matcher(body);
        int regionStart = 0;
        while (method.find()) {
            // the annotations of one method: from the previous method's signature to this one's
            int start = Math.max(regionStart, lastSignatureEnd(body, method.start()));
            Matcher signature = SIGNATURE.matcher(body);
            int end = signature.find(method.end()) ? signature.start() : body.length();
            String annotations = body.substring(start, end);
            Matcher path = CLASS_PATH.matcher(annotations);
            String sub = path.find() ? path.group(1) : "";
            boolean secured = !PERMIT_ALL.matcher(annotations).find()
                    && (classSecured || SECURED.matcher(annotations).find());
            found.add(new Operation(method.group(1), concrete(join(base, sub)), !secured, file));
            regionStart = end;
        }
        return found;
    }

    private static int lastSignatureEnd(String body, int before) {
        Matcher signature = SIGNATURE.matcher(body.substring(0, before));
        int last = 0;
        while (signature.find()) {
            last = signature.end();
        }
        return last;
    }

    private static String join(String base, String sub) {
        String path = (base.startsWith("/") ? base : "/" + base);
        if (!sub.isEmpty()) {
            path = path.replaceAll("/$", "") + (sub.startsWith("/") ? sub : "/" + sub);
        }
        return path;
    }

    /** {@code /api/users/{id}/avatar.png} → {@code /api/users/id1/avatar.png} (regex templates included). */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}/]+(:[^}]*)?}", "x1");
    }
}
