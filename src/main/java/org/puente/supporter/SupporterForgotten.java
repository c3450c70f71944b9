package org.puente.supporter;

/**
 * A supporter is being erased. Fired synchronously inside the erasure's transaction, before the supporter
 * row goes: each feature that holds something of the person (signatures, alert deliveries) erases it in its
 * own tables, and a failure in any of them rolls the whole erasure back.
 */
public record SupporterForgotten(long supporterId, String canonicalEmail) {}
