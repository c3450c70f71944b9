package org.puente.petition;

/** Staff or authors changed what the public sees of petitions (opened, closed, paused, archived…). */
public record PetitionsChanged() {}
