package org.puente.statement;

/**
 * Where a signature stands. A member organization's is {@code SIGNED} at once; one through the public form is
 * {@code UNCONFIRMED} until the signer follows the link mailed to them, then an outside organization's is
 * {@code UNVERIFIED} until staff verify it (or turn it down: {@code REJECTED}); an individual's stands once
 * confirmed. Only {@code SIGNED} is public. A withdrawal keeps the row, for the record.
 */
public enum SignatoryState {
    UNCONFIRMED,
    UNVERIFIED,
    SIGNED,
    WITHDRAWN,
    REJECTED
}
