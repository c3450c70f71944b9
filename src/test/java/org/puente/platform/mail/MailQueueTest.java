package org.puente.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The outbox's retry rules")
class MailQueueTest {

    @Test
    @DisplayName("pauses grow from 2 s and stop growing at 10 minutes, so a day holds well over a hundred tries")
    void pausesGrowThenLevel() {
        assertEquals(Duration.ofSeconds(2), MailQueue.retryDelay(1));
        assertEquals(Duration.ofSeconds(256), MailQueue.retryDelay(8));
        assertEquals(Duration.ofMinutes(10), MailQueue.retryDelay(10));
        assertEquals(Duration.ofMinutes(10), MailQueue.retryDelay(500));
        Duration total = Duration.ZERO;
        int tries = 0;
        while (total.compareTo(MailQueue.GIVE_UP_AFTER) < 0) {
            total = total.plus(MailQueue.retryDelay(++tries));
        }
        assertTrue(tries > 100, "tries in a day: " + tries);
    }

    @Test
    @DisplayName("a 5xx reply is a refusal for good; a 4xx reply, a closed connection or a timeout is for now")
    void permanentOrNot() {
        assertTrue(MailQueue.permanent(new MailException(
                "Could not send mail: 550 5.1.1 No such mailbox here",
                new RuntimeException("550 5.1.1 No such mailbox"))));
        assertFalse(MailQueue.permanent(new MailException("Could not send mail: 451 4.3.0 Busy", null)));
        assertFalse(MailQueue.permanent(new MailException(
                "Could not send mail: Couldn't connect to host, port: 127.0.0.1, 2525; timeout 500 ms", null)));
        assertFalse(MailQueue.permanent(new MailException("Could not send mail: Read timed out", null)));
    }

    @Test
    @DisplayName("a message's own headers survive the outbox row")
    void headersRoundTrip() {
        Map<String, String> headers = Map.of("List-Unsubscribe", "<https://x.test/u?t=a:b>", "X-Puente", "1");
        assertEquals(headers, Outbox.headers(Outbox.headers(headers)));
        assertEquals(Map.of(), Outbox.headers((String) null));
    }
}
