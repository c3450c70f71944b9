package org.puente.event;

/**
 * Where one person's registration stands: {@code PENDING} until they confirm their address, then
 * {@code CONFIRMED} if their places fit or {@code WAITLISTED} if not; {@code CANCELLED} by them (or by the
 * event's cancellation). A waitlisted person is promoted to {@code CONFIRMED} when places free up.
 */
public enum RegistrationState {
    PENDING,
    CONFIRMED,
    WAITLISTED,
    CANCELLED
}
