package org.puente.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Canonical e-mail addresses")
class EmailAddressesTest {

    @Test
    @DisplayName("Gmail ignores dots and +tags, so do we; other addresses only ignore case")
    void canonicalAddresses() {
        assertEquals("anaperez@gmail.com", EmailAddresses.canonical(" Ana.Perez+peticion@GMail.com "));
        assertEquals("anaperez@gmail.com", EmailAddresses.canonical("a.n.a.perez@googlemail.com"));
        assertEquals("ana.perez+x@example.org", EmailAddresses.canonical("Ana.Perez+x@Example.ORG"));
    }
}
