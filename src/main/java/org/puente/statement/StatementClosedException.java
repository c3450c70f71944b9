package org.puente.statement;

/** A statement that takes no signatures now (closed, released, its deadline passed): a clear page, not an error. */
public class StatementClosedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StatementClosedException(String slug) {
        super("statement " + slug + " takes no signatures now");
    }
}
