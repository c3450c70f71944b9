package org.puente.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Passwords and tokens")
class PasswordPolicyTest {

    @Test
    @DisplayName("twelve characters at least, counted as characters, not bytes")
    void length() {
        assertEquals(Optional.of("password.tooShort"), PasswordPolicy.check("short-pass1"));
        assertEquals(Optional.of("password.tooShort"), PasswordPolicy.check(null));
        assertEquals(Optional.empty(), PasswordPolicy.check("un puente entre dos"));
        assertEquals(Optional.empty(), PasswordPolicy.check("ñandú-sobre-río"));
        assertEquals(Optional.of("password.tooLong"), PasswordPolicy.check("x1".repeat(101)));
    }

    @Test
    @DisplayName("very common passwords are refused whatever their case, and so are one-note ones")
    void common() {
        assertEquals(Optional.of("password.tooCommon"), PasswordPolicy.check("PasswordPassword"));
        assertEquals(Optional.of("password.tooCommon"), PasswordPolicy.check("123456789012"));
        assertEquals(Optional.of("password.tooCommon"), PasswordPolicy.check("abababababab"));
    }

    @Test
    @DisplayName("the list holds at least the 3,000 most common passwords that meet the length policy")
    void commonList() {
        assertTrue(PasswordPolicy.commonCount() >= 3000, "entries: " + PasswordPolicy.commonCount());
        for (String common : new String[] {
            "123qweasdzxc",
            "1QAZ2WSX3EDC",
            "qazwsxedcrfv",
            "LeaveMeAlone",
            "sonyericsson",
            "qwertyuiop123",
            "1q2w3e4r5t6y",
            "passwordpassword"
        }) {
            assertEquals(Optional.of("password.tooCommon"), PasswordPolicy.check(common), common);
        }
        assertEquals(Optional.empty(), PasswordPolicy.check("correct horse battery staple"));
    }

    @Test
    @DisplayName("tokens are long, URL-safe, different each time, and stored only as a hash")
    void tokens() {
        String one = Tokens.generate();
        String two = Tokens.generate();
        assertNotEquals(one, two);
        assertTrue(Tokens.wellFormed(one), one);
        assertTrue(!Tokens.wellFormed("short") && !Tokens.wellFormed(null) && !Tokens.wellFormed(one + "x"));
        assertEquals(64, Tokens.hash(one).length());
        assertEquals(Tokens.hash(one), Tokens.hash(one));
        assertNotEquals(one, Tokens.hash(one));
    }
}
