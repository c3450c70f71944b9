package org.puente.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between a portal and MariaDB that fails as a database does on an operator's bad day: it can
 * <em>freeze</em> (connections stay open, nothing passes either way, new connections get no greeting, as
 * with the server process stopped by {@code SIGSTOP}) or be <em>down</em> (every connection dropped and new
 * ones closed at once, as with the server dead). Back up, frozen connections carry on where they stopped.
 */
public final class FaultyDatabase implements AutoCloseable {

    public enum State {
        UP,
        FROZEN,
        DOWN
    }

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile State state = State.UP;

    /** A relay to the database of a {@code jdbc:mysql://host:port/…} address. */
    public FaultyDatabase(String jdbcUrl) throws IOException {
        URI upstream = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.upstreamHost = upstream.getHost();
        this.upstreamPort = upstream.getPort();
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-database");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The same JDBC address, through this relay. */
    public static String through(String jdbcUrl, int port) {
        return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void set(State next) {
        synchronized (gate) {
            state = next;
            gate.notifyAll();
        }
        if (next == State.DOWN) {
            for (Socket socket : open) {
                closeQuietly(socket);
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (state == State.DOWN) {
                    client.close();
                    continue;
                }
                Thread link = new Thread(() -> relay(client), "faulty-database-link");
                link.setDaemon(true);
                link.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client;
                Socket server = new Socket(upstreamHost, upstreamPort)) {
            open.add(client);
            open.add(server);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            Thread back = new Thread(() -> pump(server, client), "faulty-database-back");
            back.setDaemon(true);
            back.start();
            pump(client, server);
            back.join();
        } catch (IOException e) {
            // the upstream is unreachable: the client sees its connection closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    /** Copies one direction, holding every chunk while frozen; closes both ends when either ends. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                awaitNotFrozen();
                if (state == State.DOWN) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitNotFrozen() throws InterruptedException {
        synchronized (gate) {
            while (state == State.FROZEN) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        set(State.DOWN);
        listener.close();
    }
}
