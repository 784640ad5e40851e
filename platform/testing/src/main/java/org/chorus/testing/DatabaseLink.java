package org.chorus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between a service and the test PostgreSQL that a test can cut and restore, so that "the database
 * is gone" can be shown on a running service (it needs the database to start). One per test JVM: Quarkus may load
 * this class in several class loaders, so the forwarder's ports are kept in system properties (strings only: other
 * libraries copy them), and the link is switched over a control port every loader can reach.
 */
public final class DatabaseLink {

    private static final String CONTROL = "chorus.test.database-link.control-port";
    private static final String URL = "chorus.test.database-link.url";

    private DatabaseLink() {}

    /** The JDBC URL of the forwarder to {@code jdbcUrl}'s host and port, started the first time it is asked for. */
    public static String jdbcUrl(String jdbcUrl) {
        // System.class is the one lock every class loader of this JVM shares
        synchronized (System.class) {
            if (System.getProperty(URL) == null) {
                URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
                Forwarder forwarder = new Forwarder(target.getHost(), target.getPort());
                System.setProperty(CONTROL, Integer.toString(forwarder.controlPort()));
                System.setProperty(
                        URL,
                        jdbcUrl.replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + forwarder.port()));
            }
            return System.getProperty(URL);
        }
    }

    /** Closes every connection through the link and refuses new ones. */
    public static void cut() {
        control(DOWN);
    }

    /** Lets connections through again. */
    public static void restore() {
        control(UP);
    }

    private static final int DOWN = 'd';
    private static final int UP = 'u';

    private static void control(int command) {
        String port = System.getProperty(CONTROL);
        if (port == null) {
            throw new IllegalStateException("no database link: the test's profile must use DatabaseLink.jdbcUrl");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port))) {
            socket.getOutputStream().write(command);
            socket.getOutputStream().flush();
            if (socket.getInputStream().read() != command) {
                throw new IllegalStateException("the database link did not confirm " + (char) command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Forwarder {

        private final String host;
        private final int targetPort;
        private final ServerSocket server;
        private final ServerSocket control;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean up = true;

        Forwarder(String host, int targetPort) {
            this.host = host;
            this.targetPort = targetPort;
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            daemon(this::accept, "database-link");
            daemon(this::control, "database-link-control");
        }

        int port() {
            return server.getLocalPort();
        }

        int controlPort() {
            return control.getLocalPort();
        }

        private void control() {
            while (!control.isClosed()) {
                try (Socket socket = control.accept()) {
                    int command = socket.getInputStream().read();
                    up = command == UP;
                    if (!up) {
                        open.forEach(DatabaseLink::closeQuietly);
                        open.clear();
                    }
                    socket.getOutputStream().write(command);
                } catch (IOException e) {
                    // a broken control connection; the caller sees no confirmation
                }
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (!up) {
                        // refused at once, as a stopped server would be: no one waits for a timeout
                        closeQuietly(client);
                        continue;
                    }
                    Socket upstream = new Socket();
                    upstream.connect(new InetSocketAddress(host, targetPort), 5000);
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // one failed connection; the link goes on accepting
                }
            }
        }

        private void pump(Socket from, Socket to) {
            daemon(
                    () -> {
                        byte[] buffer = new byte[16384];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            int read;
                            while ((read = in.read(buffer)) >= 0) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the other side closed, or the link was cut
                        } finally {
                            closeQuietly(from);
                            closeQuietly(to);
                            open.remove(from);
                            open.remove(to);
                        }
                    },
                    "database-link-pump");
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
