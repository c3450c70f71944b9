package org.puente.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.transaction.TransactionalException;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.security.AccessDeniedException;

@DisplayName("One mapping from expected failures to their status, for JSF and servlets alike")
class ErrorStatusTest {

    @Test
    @DisplayName("access denied is 403 and not found is 404, however deep the containers wrapped them")
    void foundAlongTheCauseChain() {
        assertEquals(OptionalInt.of(403), ErrorStatus.of(new AccessDeniedException("no")));
        assertEquals(OptionalInt.of(404), ErrorStatus.of(new NotFoundException("gone")));
        Throwable wrapped = new FacesException(new ELException(
                new EJBException(new TransactionalException("rolled back", new NotFoundException("petition 7")))));
        assertEquals(OptionalInt.of(404), ErrorStatus.of(wrapped));
        assertEquals(
                "petition 7",
                ErrorStatus.find(wrapped, NotFoundException.class).orElseThrow().getMessage());
    }

    @Test
    @DisplayName("anything else is not expected (answered as a bug, 500)")
    void otherFailures() {
        assertTrue(ErrorStatus.of(new IllegalStateException("bug")).isEmpty());
        assertTrue(
                ErrorStatus.of(new FacesException(new NullPointerException())).isEmpty());
    }

    @Test
    @DisplayName("a cause chain that loops ends the search")
    void loopingChain() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);
        assertTrue(ErrorStatus.of(first).isEmpty());
    }
}
