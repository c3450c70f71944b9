package org.puente.statement;

import java.util.List;
import java.util.Objects;

/**
 * The organizations that endorse a statement's current text, in the order {@link StatementService#signatories}
 * gives (leads first, then A to Z): what the printed statement and the API list and count. Individuals are not
 * organizations, and a signature of an earlier version of the text does not endorse this one.
 */
record Endorsements(List<Signatory> organizations) {

    Endorsements {
        organizations = List.copyOf(organizations);
    }

    static Endorsements of(List<Signatory> standing) {
        return new Endorsements(standing.stream()
                .filter(s -> s.getKind() != SignatoryKind.INDIVIDUAL)
                .filter(Signatory::endorsesCurrentText)
                .toList());
    }

    int count() {
        return organizations.size();
    }

    /** How many countries the organizations are in (those that gave one). */
    int countries() {
        return (int) organizations.stream()
                .map(Signatory::getCountry)
                .filter(Objects::nonNull)
                .filter(c -> !c.isBlank())
                .distinct()
                .count();
    }
}
