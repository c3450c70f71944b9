package org.puente.statement;

import java.time.Instant;

/**
 * The last change to a statement's signatures, as cheaply as it can be read: how many rows there are and when one
 * was last signed or withdrawn. What is made from the signatory list (the PDF) is kept while this stays the same.
 */
public record SignatureActivity(long rows, Instant lastSigned, Instant lastWithdrawn) {}
