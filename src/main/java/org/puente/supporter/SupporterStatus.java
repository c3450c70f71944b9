package org.puente.supporter;

/** Whether alerts may go to a supporter; anything but {@code SUBSCRIBED} suppresses every alert. */
public enum SupporterStatus {
    SUBSCRIBED,
    UNSUBSCRIBED,
    BOUNCED,
    COMPLAINED
}
