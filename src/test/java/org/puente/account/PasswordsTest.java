package org.puente.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Passwords: production's work factor unless a test deployment asks for less")
class PasswordsTest {

    @Test
    @DisplayName("a deployment that is not the tests' hashes with 210,000 iterations whatever it was told")
    void productionKeepsItsWorkFactor() {
        assertEquals(210_000, Passwords.workFactor(2_100, "system"));
        assertEquals(210_000, Passwords.workFactor(2_100, null));
        assertEquals(210_000, Passwords.workFactor(0, "adjustable"));
        assertEquals(2_100, Passwords.workFactor(2_100, "adjustable"));
        assertEquals(210_000, Passwords.workFactor(210_000, "system"));
    }
}
