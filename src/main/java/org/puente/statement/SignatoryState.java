package org.puente.statement;

/** Whether a signature stands or was taken back (the row stays, for the record). */
public enum SignatoryState {
    SIGNED,
    WITHDRAWN
}
