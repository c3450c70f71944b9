package org.puente.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.security.AccessDeniedException;

@DisplayName("Which status answers a failure")
class ErrorStatusTest {

    @Test
    @DisplayName("a database that does not answer, however deeply wrapped, is a 503, not a 500")
    void databaseUnavailable() {
        RuntimeException poolEmpty = new PersistenceException(new SQLException(
                "Error in allocating a connection",
                new SQLTransientConnectionException("Connection could not be allocated")));
        assertEquals(OptionalInt.of(503), ErrorStatus.of(new RuntimeException("EL", poolEmpty)));
        RuntimeException linkDown = new PersistenceException(
                new com.mysql.cj.jdbc.exceptions.CommunicationsException("Communications link failure", null));
        assertEquals(OptionalInt.of(503), ErrorStatus.of(linkDown));
        RuntimeException frozen = new PersistenceException(
                new SQLException("read", new java.net.SocketTimeoutException("Read timed out")));
        assertEquals(OptionalInt.of(503), ErrorStatus.of(frozen));
    }

    @Test
    @DisplayName("a bug stays a 500, and access denied stays a 403")
    void otherFailures() {
        assertTrue(ErrorStatus.of(new PersistenceException(new SQLException("syntax error")))
                .isEmpty());
        assertTrue(ErrorStatus.of(new IllegalStateException("bug")).isEmpty());
        assertEquals(OptionalInt.of(403), ErrorStatus.of(new AccessDeniedException("no")));
    }
}
