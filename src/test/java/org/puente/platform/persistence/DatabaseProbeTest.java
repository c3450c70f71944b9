package org.puente.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The readiness probe's own connection to the database")
class DatabaseProbeTest {

    @Test
    @DisplayName(
            "a database that accepts the connection and then says nothing (a frozen process) is reported down within the deadline")
    void frozenDatabase() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted by the kernel, never answered
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            boolean answered = DatabaseProbe.answers(
                    "jdbc:mysql://127.0.0.1:" + silent.getLocalPort() + "/puente",
                    "puente",
                    "x",
                    Duration.ofSeconds(2));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertFalse(answered);
            assertTrue(
                    took.compareTo(Duration.ofSeconds(4)) < 0, "gave up after " + took + ", not when the socket did");
            acceptor.interrupt();
        }
    }

    @Test
    @DisplayName("a database that is not there is reported down")
    void noDatabase() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertFalse(DatabaseProbe.answers(
                "jdbc:mysql://127.0.0.1:" + port + "/puente", "puente", "x", Duration.ofSeconds(2)));
    }
}
