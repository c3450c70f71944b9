package org.puente.platform.web;

/** What was asked for does not exist (or is not public); answered with 404 wherever it surfaces. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
