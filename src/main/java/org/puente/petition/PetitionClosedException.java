package org.puente.petition;

/** Someone tried to sign a petition that does not take signatures (not open, or past its end date). */
public class PetitionClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PetitionClosedException(String slug) {
        super("petition " + slug + " is not open for signatures");
    }
}
