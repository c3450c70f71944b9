package org.puente.organization;

/** Another member organization already has this name. */
public class DuplicateOrganizationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateOrganizationException() {
        super("an organization with this name exists");
    }
}
