package org.puente.petition;

/** Another petition already has the address an author asked for. */
public class SlugTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SlugTakenException(String slug) {
        super("the petition address " + slug + " is taken");
    }
}
