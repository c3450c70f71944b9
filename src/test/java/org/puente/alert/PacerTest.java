package org.puente.alert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The senders' pace: slots one interval apart, handed out without anyone sleeping")
class PacerTest {

    @Test
    @DisplayName("at 10 messages a second, ten slots taken at once lie 100 ms apart, the first now")
    void slotsAreSpread() {
        AlertDispatcher.Pacer pacer = new AlertDispatcher.Pacer();
        pacer.setRate(10);
        long first = pacer.reserve();
        assertTrue(first <= 0, "the first slot is now: " + first);
        long last = 0;
        for (int i = 1; i < 10; i++) {
            last = pacer.reserve();
        }
        long ninth = TimeUnit.MILLISECONDS.toNanos(900);
        assertTrue(
                last > ninth - TimeUnit.MILLISECONDS.toNanos(50) && last <= ninth,
                "the tenth slot is about 900 ms away: " + last);
    }

    @Test
    @DisplayName("a rate of zero or less is taken as one message a second rather than dividing by zero")
    void noRate() {
        AlertDispatcher.Pacer pacer = new AlertDispatcher.Pacer();
        pacer.setRate(0);
        pacer.reserve();
        long second = pacer.reserve();
        assertTrue(second > TimeUnit.MILLISECONDS.toNanos(900), "a second apart: " + second);
    }
}
