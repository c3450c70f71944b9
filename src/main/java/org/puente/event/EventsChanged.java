package org.puente.event;

/** Hosts or staff changed what the public sees of events (published, moved, cancelled). */
public record EventsChanged() {}
