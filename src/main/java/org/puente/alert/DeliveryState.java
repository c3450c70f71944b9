package org.puente.alert;

/** One recipient's copy of an alert: waiting, taken by a sender, sent, refused for good, or not sent (left the list). */
public enum DeliveryState {
    PENDING,
    CLAIMED,
    SENT,
    FAILED,
    SKIPPED
}
