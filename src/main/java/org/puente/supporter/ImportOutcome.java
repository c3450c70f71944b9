package org.puente.supporter;

/** What an imported row did to the list. */
public enum ImportOutcome {
    /** A new supporter, subscribed with this consent. */
    CREATED,
    /** An existing, subscribed supporter: details and consent renewed. */
    UPDATED,
    /** An unsubscribed, bounced or complained supporter: left as they were; an import never resubscribes. */
    KEPT,
    /** The same person as an earlier row of the file: one supporter, with the later row's details. */
    MERGED,
    /** Not imported; the reason says why. */
    REFUSED
}
