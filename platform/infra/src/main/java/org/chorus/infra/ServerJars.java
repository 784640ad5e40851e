package org.chorus.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the server jars that platform/servers ships as resources. Inside a reactor build they
 * are a plain directory; from an installed jar they are extracted once to a cache directory
 * named after that jar's size and date, so a rebuilt jar gets a fresh copy. (Kafka wants a
 * classpath of real files, so the jars cannot be read in place.)
 */
final class ServerJars {

    private static final String ROOT = "chorus-servers/";

    private ServerJars() {}

    /** The directory holding the jars of one server ("kafka", "greenmail"). */
    static synchronized Path directory(String server) {
        URL url = ServerJars.class.getClassLoader().getResource(ROOT + server + "/");
        if (url == null) {
            throw new IllegalStateException("chorus-servers is not on the classpath (resource " + ROOT + server + ")");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            return extract(((JarURLConnection) url.openConnection()).getJarFileURL(), server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extract(URL jarUrl, String server) throws IOException, URISyntaxException {
        Path jar = Path.of(jarUrl.toURI());
        String stamp = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "chorus-servers-" + stamp, server);
        if (Files.isDirectory(target)) {
            return target;
        }
        // test JVMs of several modules may get here at once: each extracts to its own directory and
        // renames it into place; the loser drops its copy, so nobody ever sees a half-written one
        Files.createDirectories(target.getParent());
        Path own = Files.createTempDirectory(target.getParent(), server + "-");
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            String prefix = ROOT + server + "/";
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, own.resolve(entry.getName().substring(prefix.length())));
                    }
                }
            }
        }
        try {
            Files.move(own, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException lostTheRace) {
            if (!Files.isDirectory(target)) {
                throw lostTheRace;
            }
            deleteTree(own);
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
