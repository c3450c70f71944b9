/**
 * Supporters: the people who said yes to the coalition's action alerts. A row exists only with an
 * explicit, recorded consent (time and source); the language stored here is the one every alert to the
 * person will be written in. Petitions add supporters one consent at a time; staff search, correct,
 * unsubscribe, erase, import and export them ({@code SupporterDirectory}, {@code SupporterImport}), always
 * through {@code SupporterService}, which owns the rules: an import never resubscribes someone who left,
 * and every change of consent or language is kept in the supporter's history ({@code SupporterEvent}, of a
 * typed kind). The import's JDBC batches are in {@code SupporterStore}. Erasing a person removes what this
 * package holds and announces it ({@code SupporterForgotten}, in the same transaction); the features that
 * hold more of the person (signatures, alert deliveries) erase it in their own tables. This package depends
 * on no other feature's data: canonical addresses come from the platform. What a person did elsewhere
 * (petitions signed, alerts received) is shown on their page by asking those features, which build on this
 * one and so implement {@code SupporterActivity} rather than being called by name.
 */
package org.puente.supporter;
