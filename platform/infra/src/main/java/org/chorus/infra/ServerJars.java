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
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds the server jars that platform/servers ships as resources. Inside a reactor build they
 * are a plain directory; from an installed jar they are extracted once to a cache directory
 * named after that jar's size and date, so a rebuilt jar gets a fresh copy.
 */
final class ServerJars {

    private static final String ROOT = "chorus-servers/";

    private ServerJars() {
    }

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
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        Files.createDirectories(target);
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            String prefix = ROOT + server + "/";
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    Path out = target.resolve(entry.getName().substring(prefix.length()));
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.createFile(done);
        return target;
    }
}
