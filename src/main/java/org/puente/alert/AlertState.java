package org.puente.alert;

/** Where an alert is: written, waiting for its time, going out, held by staff, done, or withdrawn. */
public enum AlertState {
    DRAFT,
    SCHEDULED,
    SENDING,
    PAUSED,
    SENT,
    CANCELLED
}
