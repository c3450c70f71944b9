package org.puente.platform.security;

/** The caller may not do this; answered with 403 wherever it surfaces. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
