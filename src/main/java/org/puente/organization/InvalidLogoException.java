package org.puente.organization;

/** The upload is not a PNG, JPEG or WebP image within the size limit. */
public class InvalidLogoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidLogoException() {
        super("logo must be a PNG, JPEG or WebP image of at most 1 MB");
    }
}
