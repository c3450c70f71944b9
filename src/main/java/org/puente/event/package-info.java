/**
 * Events: vigils, prayer days, trainings, rallies and meetings that member organizations post and the
 * public joins, safely, in two languages. Delegations and briefings are to be further {@code EventType}s
 * of the same event, not a second system.
 *
 * <p>Why it is shaped this way:
 * <ul>
 * <li>{@link org.puente.event.CoalitionEvent} carries the lifecycle (draft, in review, published,
 * cancelled; past read from the clock) and its rules: a start is a UTC instant with an IANA zone, never a
 * wall time alone; a change of time, place or status raises the calendar {@code SEQUENCE}; the type
 * decides which optional fields take effect.</li>
 * <li>Location safety is one rule on the event ({@code LocationDisclosure}): every public surface (page,
 * list, feeds, API, widget) asks the same question, and only a confirmed registration's own mail,
 * calendar file and page get the hidden address.</li>
 * <li>Everything that decides who has a place (a confirmation, a cancellation, a change of guests or of
 * capacity, an erasure) locks the event's row first ({@link org.puente.event.RegistrationService}), so the
 * capacity is exact on any number of instances; the mails those changes cause are written to the outbox
 * in the same transaction and leave after it commits.</li>
 * <li>Public pages are stateless and read through a short cache; a valid registration is taken straight
 * from the request without building a view ({@link org.puente.event.RegisterFormPost}).</li>
 * <li>Reminders and erasure after the event run on the managed scheduled executor and claim their rows
 * with {@code FOR UPDATE SKIP LOCKED} ({@link org.puente.event.EventChores}), so each happens once across
 * instances. A host's message to attendees goes through the alert engine, which asks
 * {@link org.puente.event.Attendees} who is still registered at the moment of sending.</li>
 * </ul>
 */
package org.puente.event;
