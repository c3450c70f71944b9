/**
 * Supporters: the people who said yes to the coalition's action alerts. A row exists only with an
 * explicit, recorded consent (time and source); the language stored here is the one every alert to the
 * person will be written in. Petitions add supporters one consent at a time; staff search, correct,
 * unsubscribe, erase, import and export them ({@code SupporterDirectory}, {@code SupporterImport}), always
 * through {@code SupporterService}, which owns the rules: an import never resubscribes someone who left,
 * and every change of consent or language is kept in the supporter's history.
 */
package org.puente.supporter;
