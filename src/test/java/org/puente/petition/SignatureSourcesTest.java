package org.puente.petition;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which signature sources look abnormal")
class SignatureSourcesTest {

    @Test
    @DisplayName("a source is abnormal with at least 10 signatures and a quarter of its hour")
    void abnormal() {
        assertTrue(SignatureSources.isAbnormal(10, 40));
        assertFalse(SignatureSources.isAbnormal(10, 41), "under a quarter of a busy hour");
        assertFalse(SignatureSources.isAbnormal(9, 9), "too few to matter, even if all of a quiet hour");
        assertTrue(SignatureSources.isAbnormal(500, 600));
    }
}
