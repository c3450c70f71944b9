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
}
