package org.puente.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.web.IpRanges;

@DisplayName("Allow-lists of addresses and CIDR ranges")
class IpRangesTest {

    @Test
    @DisplayName("single addresses and IPv4/IPv6 ranges match exactly what they cover")
    void matching() {
        IpRanges ranges = IpRanges.parse(" 203.0.113.7, 10.20.0.0/14 ,2001:db8::/32, 192.0.2.128/25");
        assertTrue(ranges.contains("203.0.113.7"));
        assertFalse(ranges.contains("203.0.113.8"));
        assertTrue(ranges.contains("10.23.255.1"));
        assertFalse(ranges.contains("10.24.0.1"), "outside the /14");
        assertTrue(ranges.contains("2001:db8:ffff::1"));
        assertFalse(ranges.contains("2001:db9::1"));
        assertTrue(ranges.contains("192.0.2.200"));
        assertFalse(ranges.contains("192.0.2.127"), "below the /25");
        assertFalse(ranges.contains("::ffff:203.0.113.8"));
        assertFalse(ranges.contains("not-an-address"));
        assertFalse(ranges.contains(null));
        assertFalse(IpRanges.parse("").contains("203.0.113.7"), "an empty list allows nobody");
    }

    @Test
    @DisplayName("a host name or a bad prefix is refused, never looked up")
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> IpRanges.parse("church.example.org"));
        assertThrows(IllegalArgumentException.class, () -> IpRanges.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRanges.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> IpRanges.parse("300.1.1.1"));
    }
}
