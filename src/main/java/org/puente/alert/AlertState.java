package org.puente.alert;

/** Where an alert is: written, going out, held by staff, done, or withdrawn before it went out. */
public enum AlertState {
    DRAFT, SENDING, PAUSED, SENT, CANCELLED
}
