package org.puente.supporter;

/** What happened to a supporter's subscription; shown to staff as {@code supporter.event.<KIND>}. */
public enum SupporterEventKind {
    CONSENT,
    UNSUBSCRIBE,
    BOUNCE,
    COMPLAINT,
    LANGUAGE
}
