package org.puente.supporter;

/** The file as a whole cannot be imported (not CSV, a required column missing, too big); nothing was. */
public class ImportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] arguments;

    public ImportRefusedException(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments;
    }

    /** The bundle key that explains it to staff. */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments;
    }
}
