package org.puente.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.web.ClientAddress;

@DisplayName("The client's address behind a reverse proxy")
class ClientAddressTest {

    static final Set<String> PROXIES = ClientAddress.parseTrusted(" 10.0.0.5, 10.0.0.6 ,");

    @Test
    @DisplayName("without trusted proxies the connection's peer is the client, whatever the header says")
    void untrusted() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of()));
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", PROXIES), "not from our proxy");
    }

    @Test
    @DisplayName("from a trusted proxy, the rightmost address that is not ours; a forged left part is ignored")
    void trusted() {
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), PROXIES);
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", "198.51.100.1", PROXIES));
        assertEquals("198.51.100.1", ClientAddress.of("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6", PROXIES));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", null, PROXIES));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", " , 10.0.0.6", PROXIES));
    }

    @Test
    @DisplayName("rate limits count an IPv6 client by its /64 and an IPv4 client by its address")
    void limitKey() {
        assertEquals("203.0.113.9", ClientAddress.limitKey("203.0.113.9"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.limitKey("2001:0db8:0001:0002::1"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.limitKey("[2001:db8:1:2::99]"));
        assertEquals("2001:db8:1:3::/64", ClientAddress.limitKey("2001:db8:1:3::1%eth0"));
        assertEquals("192.0.2.1", ClientAddress.limitKey("::ffff:192.0.2.1"), "an IPv4-mapped address is IPv4");
        assertEquals("not-an-address", ClientAddress.limitKey("not-an-address"));
    }
}
