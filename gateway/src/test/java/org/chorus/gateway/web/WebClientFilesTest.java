package org.chorus.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web client's files as the gateway serves them (META-INF/resources on the classpath), checked without a
 * browser and without the gateway: what index.html loads exists, no HTML needs what the Content-Security-Policy
 * forbids (inline script, inline style, on...= handlers), every import resolves to a file of the client (no CDN,
 * no npm), every route of main.js has its module, and no script writes HTML or evaluates strings.
 */
class WebClientFilesTest {

    /** Every page the client must answer: each mailed link, and the pages of the brief. */
    private static final Set<String> REQUIRED_ROUTES = Set.of(
            "/",
            "/signup",
            "/login",
            "/forgot-password",
            "/reset-password",
            "/verify-email",
            "/confirm-email",
            "/login-link",
            "/feed",
            "/public",
            "/tags/:tag",
            "/posts/:id",
            "/users/:id",
            "/search",
            "/notifications",
            "/appeal",
            "/unsubscribe",
            "/pages/*url",
            "/admin");

    private static final Pattern SCRIPT_TAG =
            Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>", Pattern.DOTALL);
    private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_ATTRIBUTE =
            Pattern.compile("\\s(?:src|href)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    /** import … from '…', export … from '…' (also over several lines), and the bare import '…'. */
    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "^\\s*(?:(?:import|export)\\s[^;'\"]*?\\sfrom|import)\\s*['\"]([^'\"]+)['\"]", Pattern.MULTILINE);

    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\(\\s*([`'\"])([^`'\"]*)\\1\\s*\\)");
    private static final Pattern ROUTE = Pattern.compile("\\[\\s*'(/[^']*)'\\s*,\\s*'([a-z0-9-]+)'\\s*]");
    private static final Pattern RENDER_EXPORT = Pattern.compile("export\\s+(?:async\\s+)?function\\s+render\\s*\\(");
    private static final Pattern ROUTE_LOADER = Pattern.compile("import\\(`\\./routes/\\$\\{module}\\.js`\\)");
    private static final List<String> FORBIDDEN_IN_SCRIPTS = List.of(
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
            "setAttribute('style'",
            "setAttribute(\"style\"",
            "setTimeout('",
            "setTimeout(\"",
            "setInterval('",
            "setInterval(\"",
            "javascript:");

    private static Path root;

    @BeforeAll
    static void locate() throws URISyntaxException {
        var index = WebClientFilesTest.class.getResource("/META-INF/resources/index.html");
        assertTrue(index != null, "META-INF/resources/index.html is on the classpath");
        root = Path.of(index.toURI()).getParent();
    }

    @Test
    void indexLoadsTheRouterAsAModuleAndTheStylesheetAndEveryLocalFileItNamesExists() {
        String index = read(root.resolve("index.html"));
        assertTrue(
                Pattern.compile("<script\\s+type=\"module\"\\s+src=\"/app/main\\.js\"\\s*></script>")
                        .matcher(index)
                        .find(),
                "index.html loads /app/main.js as a module");
        assertTrue(
                index.contains("<link rel=\"stylesheet\" href=\"/app/style.css\">"), "index.html loads /app/style.css");
        assertTrue(index.contains("id=\"main\""), "index.html has the element routes draw into");
        for (Path html : files(".html")) {
            Matcher url = URL_ATTRIBUTE.matcher(read(html));
            while (url.find()) {
                String target = url.group(1);
                if (target.startsWith("#")) {
                    continue;
                }
                assertFalse(target.matches("(?i)^([a-z]+:|//).*"), html + " names no other origin (no CDN): " + target);
                if (target.startsWith("/") && target.matches(".*\\.[a-z0-9]+(\\?.*)?$")) {
                    assertTrue(
                            Files.isRegularFile(root.resolve(target.substring(1).replaceAll("\\?.*", ""))),
                            html.getFileName() + " references " + target + ", which exists");
                }
            }
        }
    }

    @Test
    void noHtmlFileHasInlineScriptInlineStyleOrEventHandlerAttributes() {
        List<Path> pages = files(".html");
        assertFalse(pages.isEmpty());
        for (Path html : pages) {
            String text = read(html);
            Matcher script = SCRIPT_TAG.matcher(text);
            while (script.find()) {
                assertTrue(script.group(1).matches("(?is).*\\ssrc\\s*=.*"), html + ": every <script> has a src");
                assertTrue(script.group(2).isBlank(), html + ": no <script> has a body");
            }
            assertFalse(
                    Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE)
                            .matcher(text)
                            .find(),
                    html + ": no <style>");
            Matcher tag = TAG.matcher(text);
            while (tag.find()) {
                assertFalse(
                        HANDLER_ATTRIBUTE.matcher(tag.group()).find(), html + ": no on...= handler in " + tag.group());
                assertFalse(
                        STYLE_ATTRIBUTE.matcher(tag.group()).find(), html + ": no style= attribute in " + tag.group());
            }
            assertFalse(text.toLowerCase().contains("javascript:"), html + ": no javascript: URL");
        }
    }

    @Test
    void everyImportOfEveryScriptResolvesToAFileOfTheClient() {
        List<Path> scripts = files(".js");
        assertTrue(scripts.size() > 1);
        for (Path script : scripts) {
            for (String specifier : imports(read(script))) {
                Path target = resolve(script, specifier);
                assertTrue(
                        Files.isRegularFile(target), script.getFileName() + " imports " + specifier + ", which exists");
            }
        }
    }

    @Test
    void everyRouteOfTheRouterHasAModuleThatExportsRender() {
        String main = read(root.resolve("app/main.js"));
        assertTrue(ROUTE_LOADER.matcher(main).find(), "main.js loads route modules from ./routes/<module>.js");
        Map<String, String> routes = routes(main);
        assertTrue(
                routes.keySet().containsAll(REQUIRED_ROUTES),
                "main.js routes every required page; missing: " + missing(REQUIRED_ROUTES, routes.keySet()));
        List<String> modules = new ArrayList<>(routes.values());
        modules.add("not-found");
        for (String module : modules) {
            Path file = root.resolve("app/routes/" + module + ".js");
            assertTrue(Files.isRegularFile(file), "route module " + module + ".js exists");
            assertTrue(RENDER_EXPORT.matcher(read(file)).find(), module + ".js exports render(view, context)");
        }
    }

    @Test
    void everyScriptIsReachableFromTheRouter() {
        Map<String, String> routes = routes(read(root.resolve("app/main.js")));
        Set<Path> reached = new TreeSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        todo.add(root.resolve("app/main.js").normalize());
        routes.values()
                .forEach(m -> todo.add(root.resolve("app/routes/" + m + ".js").normalize()));
        todo.add(root.resolve("app/routes/not-found.js").normalize());
        while (!todo.isEmpty()) {
            Path next = todo.pop();
            if (reached.add(next) && Files.isRegularFile(next)) {
                imports(read(next)).forEach(s -> todo.add(resolve(next, s)));
            }
        }
        Set<Path> all = new TreeSet<>(files(".js").stream().map(Path::normalize).toList());
        all.removeAll(reached);
        assertEquals(Set.of(), all, "scripts no route loads (dead files)");
    }

    @Test
    void noScriptWritesHtmlOrEvaluatesStrings() {
        for (Path script : files(".js")) {
            String text = read(script);
            for (String forbidden : FORBIDDEN_IN_SCRIPTS) {
                assertFalse(
                        text.contains(forbidden),
                        script.getFileName() + " uses " + forbidden
                                + ": text goes in with textContent, code never comes from strings (CSP script-src 'self')");
            }
        }
    }

    private static Map<String, String> routes(String main) {
        Map<String, String> routes = new LinkedHashMap<>();
        Matcher route = ROUTE.matcher(main);
        while (route.find()) {
            if (routes.put(route.group(1), route.group(2)) != null) {
                fail("route " + route.group(1) + " is listed twice");
            }
        }
        assertFalse(routes.isEmpty(), "main.js has a route table");
        return routes;
    }

    private static List<String> imports(String script) {
        List<String> found = new ArrayList<>();
        Matcher s = STATIC_IMPORT.matcher(script);
        while (s.find()) {
            found.add(s.group(1));
        }
        Matcher d = DYNAMIC_IMPORT.matcher(script);
        while (d.find()) {
            if (!d.group(2).contains("${")) { // the route loader; its targets are checked through the route table
                found.add(d.group(2));
            }
        }
        return found;
    }

    private static Path resolve(Path from, String specifier) {
        if (specifier.startsWith("./") || specifier.startsWith("../")) {
            return from.getParent().resolve(specifier).normalize();
        }
        if (specifier.startsWith("/") && !specifier.startsWith("//")) {
            return root.resolve(specifier.substring(1)).normalize();
        }
        return fail(from.getFileName() + " imports " + specifier + ": only files of the client (no packages, no CDN)");
    }

    private static Set<String> missing(Set<String> wanted, Set<String> have) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(have);
        return missing;
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
