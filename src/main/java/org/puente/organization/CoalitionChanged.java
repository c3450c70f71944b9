package org.puente.organization;

/** An admin changed the coalition's name, mission or postal address. */
public record CoalitionChanged() {}
