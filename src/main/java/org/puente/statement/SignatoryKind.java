package org.puente.statement;

/** Who signed: a member organization, an organization outside the coalition, or a person. */
public enum SignatoryKind {
    MEMBER,
    OUTSIDE,
    INDIVIDUAL
}
