package org.puente.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.logging.Logger;
import org.puente.platform.time.Clocks;

/**
 * The guard of the test-only hooks under {@code /test/} ({@link TestClockServlet}, {@link TestMailQueueServlet}):
 * they answer only in a deployment run with the test setting {@code PUENTE_TEST_CLOCK=adjustable}, and only
 * to a caller on this machine (loopback or one of its own addresses); anyone else gets 404.
 */
final class TestHooks {

    private static final Logger LOG = Logger.getLogger(TestHooks.class.getName());

    private TestHooks() {}

    /** Answers 404 and returns true unless the hook may answer this request. */
    static boolean refused(Clocks clocks, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (clocks.isAdjustable() && fromThisMachine(request)) {
            return false;
        }
        if (clocks.isAdjustable()) {
            LOG.warning(() -> "Test hook " + request.getRequestURI() + " refused to a caller elsewhere: "
                    + request.getRemoteAddr());
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return true;
    }

    /** The caller's socket is on this machine: loopback or one of its own interfaces' addresses. */
    private static boolean fromThisMachine(HttpServletRequest request) throws IOException {
        InetAddress caller = InetAddress.getByName(request.getRemoteAddr());
        return caller.isLoopbackAddress() || NetworkInterface.getByInetAddress(caller) != null;
    }
}
