package org.puente.statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement's signatory organizations as its public page lists them: its {@link Endorsements} (the same
 * organizations and counts as the PDF and the API) split into the lead and co-leads and the rest, and apart
 * from them those whose signature is of an earlier version of the text, never counted as endorsing this one.
 * People signing for themselves are not organizations: they are only counted, with the names of those who
 * agreed to show them.
 */
public final class SignatoryList {

    /** How many endorsing organizations are in one country. */
    public record CountryCount(String country, int organizations) {}

    private final List<Signatory> leads = new ArrayList<>();
    private final List<Signatory> others = new ArrayList<>();
    private final List<Signatory> earlier = new ArrayList<>();
    private final List<CountryCount> byCountry;
    private final Endorsements endorsing;
    private final int individuals;
    private final List<String> namedIndividuals;

    /** From the standing signatures, already in the public order. */
    public SignatoryList(Statement statement, List<Signatory> ordered) {
        endorsing = Endorsements.of(ordered);
        List<Signatory> people = ordered.stream()
                .filter(s -> s.getKind() == SignatoryKind.INDIVIDUAL)
                .filter(Signatory::endorsesCurrentText)
                .toList();
        individuals = people.size();
        namedIndividuals = people.stream()
                .filter(Signatory::isNamePublic)
                .map(Signatory::getSignerName)
                .toList();
        for (Signatory signatory : endorsing.organizations()) {
            (statement.isLedBy(signatory.getOrganization()) ? leads : others).add(signatory);
        }
        ordered.stream()
                .filter(s -> s.getKind() != SignatoryKind.INDIVIDUAL)
                .filter(s -> !s.endorsesCurrentText())
                .forEach(earlier::add);
        Map<String, Integer> countries = new LinkedHashMap<>();
        endorsing.organizations().stream()
                .map(Signatory::getCountry)
                .filter(c -> c != null && !c.isBlank())
                .forEach(c -> countries.merge(c, 1, Integer::sum));
        byCountry = countries.entrySet().stream()
                .map(e -> new CountryCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(CountryCount::organizations)
                        .reversed()
                        .thenComparing(CountryCount::country))
                .toList();
    }

    /** The lead and co-leads that signed the current text. */
    public List<Signatory> getLeads() {
        return List.copyOf(leads);
    }

    /** Every other organization that signed the current text. */
    public List<Signatory> getOthers() {
        return List.copyOf(others);
    }

    /** Organizations whose signature stands for an earlier version of the text only. */
    public List<Signatory> getEarlier() {
        return List.copyOf(earlier);
    }

    /** Organizations endorsing the current text. */
    public int getCount() {
        return endorsing.count();
    }

    /** The countries they are in, most organizations first. */
    public List<CountryCount> getByCountry() {
        return byCountry;
    }

    public int getCountryCount() {
        return endorsing.countries();
    }

    /** People who signed the current text for themselves: counted apart from the organizations. */
    public int getIndividuals() {
        return individuals;
    }

    /** The names of those who let them be shown (no place, no address), in the list's order. */
    public List<String> getNamedIndividuals() {
        return namedIndividuals;
    }

    public boolean isEmpty() {
        return leads.isEmpty() && others.isEmpty() && earlier.isEmpty();
    }
}
