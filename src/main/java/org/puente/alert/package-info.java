/**
 * Action alerts: staff write one message in English and Spanish, choose an audience, and send it (now or
 * at a scheduled time) to each supporter in their own language, exactly once, with a one-click way out.
 *
 * <p>Why it is shaped this way:
 * <ul>
 * <li>The {@link org.puente.alert.Alert} entity carries the lifecycle (draft, scheduled, sending, paused,
 * sent); services call its rules and never set its state themselves.</li>
 * <li>Sending snapshots the audience into one {@code alert_delivery} row per recipient, in the transaction
 * that starts the alert. Who is in the audience is asked of the features that own the people (supporter's
 * {@code Subscribers}, petition's {@code SignatureService}, event's {@code Attendees}), a page at a time, so
 * 100,000 recipients are never read at once nor written one transaction each. This package's SQL names only
 * its own tables.</li>
 * <li>A host's message to their event's attendees ({@link org.puente.alert.MessageAttendees}) is an alert
 * whose audience is the event's registrations: the same lifecycle, claims and pacing, so it goes once, in
 * each person's language, and survives a crash like any alert. Its deliveries name the registration and
 * keep no address; the event feature answers at the moment of sending whether the person is still
 * registered, and where to write. It has no unsubscribe link: it is about the event they signed up for.</li>
 * <li>The deliveries are the work queue, shared by every instance: senders claim small batches with
 * {@code FOR UPDATE SKIP LOCKED} under a lease, so a crashed instance's work is taken over and nobody is
 * skipped. All of the engine's native SQL lives in {@link org.puente.alert.AlertDeliveries}, with state
 * names bound from the enums: one place to read when checking indexes.</li>
 * <li>Senders are tasks on a managed scheduled executor ({@link org.puente.alert.AlertDispatcher}) that
 * schedule their next turn instead of sleeping: for pacing, for a mail server that is down, for idle
 * polling. A refused-for-now recipient is retried by making its delivery due later, not by waiting.</li>
 * <li>The recipient's first name (for {@code {first_name}} / {@code {nombre}}, {@link org.puente.alert.MergeFields})
 * is asked of the supporter feature with their status at the moment of sending, never copied into the
 * deliveries: a corrected or erased name is never mailed from a stale copy.</li>
 * <li>No SMTP conversation happens inside a database transaction, and rendering a message opens none.</li>
 * </ul>
 */
package org.puente.alert;
