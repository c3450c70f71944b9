/**
 * Policy statements and organizational sign-on: a coalition speaks with many signatures, in two
 * languages, and can prove who signed what.
 *
 * <p>Why it is shaped this way:
 * <ul>
 * <li>{@link org.puente.statement.Statement} carries the lifecycle (draft, in review, open, closed,
 * released, archived) and checks its text whole when it is written: at least one demand, none empty, a
 * deadline still ahead. Demands are an ordered list of bilingual values, not entities of their own: they
 * have no life apart from their statement.</li>
 * <li>A {@link org.puente.statement.Signatory} records which version of the text it endorsed, so an edit
 * after signatures exist never silently carries older endorsements over; a withdrawal keeps the row.</li>
 * <li>Member organizations sign through their editors with the statement's row locked, so one
 * organization signs once however many editors click at the same moment.</li>
 * <li>Review mail goes through {@code account.ReviewMail}, the same as petitions and events; organizations
 * are asked of the organization feature, never read from its tables.</li>
 * </ul>
 */
package org.puente.statement;
