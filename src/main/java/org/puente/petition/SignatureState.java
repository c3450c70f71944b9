package org.puente.petition;

/** A signature counts only once its e-mail address is confirmed. */
public enum SignatureState {
    PENDING,
    CONFIRMED
}
