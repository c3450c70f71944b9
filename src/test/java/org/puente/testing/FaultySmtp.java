package org.puente.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP conversation with GreenMail behind it, through which the portal's mail passes in the
 * integration tests, so they can make the mail server misbehave as real ones do: refuse a recipient for
 * good ({@code 550}, addresses starting with {@code bounce-}), ask to try later ({@code 451}, addresses
 * starting with {@code later-}, the first time each), or be down altogether (connections dropped).
 * Everything else passes through untouched.
 */
public final class FaultySmtp implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Map<String, AtomicInteger> deferred = new ConcurrentHashMap<>();
    private volatile boolean down;
    /** The connections open now, so that a server going down also drops the ones already open. */
    private final java.util.Set<Socket> open = ConcurrentHashMap.newKeySet();

    public FaultySmtp(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** While down, every connection is dropped at once, as by a dead server, the ones already open too. */
    public void setDown(boolean down) {
        this.down = down;
        if (down) {
            for (Socket client : open) {
                try {
                    client.close();
                } catch (IOException e) {
                    // already gone
                }
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Thread session = new Thread(() -> relay(client), "faulty-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        open.add(client);
        try (client;
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            // Small writes each way without Nagle's delay (which, against delayed ACKs, cost ~40 ms a message),
            // and a message's lines passed on in one write at its end.
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = new java.io.BufferedOutputStream(server.getOutputStream(), 64 * 1024);
            Thread back = new Thread(() -> copy(server, toClient), "faulty-smtp-back");
            back.setDaemon(true);
            back.start();
            BufferedReader commands =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            boolean data = false;
            for (String line; (line = commands.readLine()) != null; ) {
                if (down) {
                    return;
                }
                String upper = line.toUpperCase(Locale.ROOT);
                if (!data && upper.startsWith("RCPT TO:")) {
                    String address = upper.replaceAll(".*<([^>]*)>.*", "$1").toLowerCase(Locale.ROOT);
                    if (address.startsWith("bounce-")) {
                        answer(toClient, "550 5.1.1 No such mailbox here");
                        continue;
                    }
                    if (address.startsWith("later-")
                            && deferred.computeIfAbsent(address, a -> new AtomicInteger())
                                            .getAndIncrement()
                                    == 0) {
                        answer(toClient, "451 4.3.0 Busy, try again later");
                        continue;
                    }
                }
                boolean body = data && !line.equals(".");
                if (!data && upper.equals("DATA")) {
                    data = true;
                } else if (data && line.equals(".")) {
                    data = false;
                }
                synchronized (toServer) {
                    toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (!body) {
                        toServer.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the conversation ended
        } finally {
            open.remove(client);
        }
    }

    private static void answer(OutputStream toClient, String reply) throws IOException {
        synchronized (toClient) {
            toClient.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            toClient.flush();
        }
    }

    private static void copy(Socket from, OutputStream to) {
        try {
            InputStream in = from.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // the conversation ended
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
