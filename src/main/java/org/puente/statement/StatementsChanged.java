package org.puente.statement;

/** Fired when a statement or its signatures change, so this instance's public read cache forgets at once. */
public record StatementsChanged() {}
