package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationProfile;

@DisplayName("A statement's signatories as the public page lists them: leads first, then the rest, counted by country")
class SignatoryListTest {

    static Organization organization(String name, String country) {
        OrganizationProfile profile = new OrganizationProfile();
        profile.setName(name);
        profile.setCountry(country);
        profile.setCity("Somewhere");
        return new Organization(Organization.slugOf(name), profile, StatementTest.NOW);
    }

    static Signatory signed(Statement statement, Organization organization) {
        return Signatory.member(statement, organization, StatementTest.EDITOR, "Ana", null, StatementTest.NOW);
    }

    static List<String> names(List<Signatory> signatories) {
        return signatories.stream().map(Signatory::getOrganizationName).toList();
    }

    @Test
    @DisplayName("the lead and co-leads apart from the others, in the order given; countries most organizations first")
    void groupedAndCounted() {
        Organization lead = organization("Voces", "US");
        Organization colead = organization("Frontera", "US");
        Statement statement = new Statement(
                lead,
                "s",
                StatementTest.EDITOR,
                StatementTest.text(StatementTest.five(), null, true),
                StatementTest.NOW);
        statement.coledBy(List.of(colead), StatementTest.NOW);
        List<Signatory> ordered = StatementService.ordered(
                statement,
                List.of(
                        signed(statement, organization("Red de Tegucigalpa", "HN")),
                        signed(statement, lead),
                        signed(statement, organization("Alba", "US")),
                        signed(statement, colead),
                        signed(statement, organization("Ángeles", "MX")),
                        signed(statement, organization("Casa Honduras", "HN"))));

        SignatoryList list = new SignatoryList(statement, ordered);

        assertEquals(List.of("Frontera", "Voces"), names(list.getLeads()));
        assertEquals(List.of("Alba", "Ángeles", "Casa Honduras", "Red de Tegucigalpa"), names(list.getOthers()));
        assertTrue(list.getEarlier().isEmpty());
        assertEquals(6, list.getCount());
        assertEquals(3, list.getCountryCount());
        assertEquals(
                List.of(
                        new SignatoryList.CountryCount("US", 3),
                        new SignatoryList.CountryCount("HN", 2),
                        new SignatoryList.CountryCount("MX", 1)),
                list.getByCountry());
    }

    @Test
    @DisplayName("a signature of the text before a new version is listed apart and not counted")
    void earlierVersionApart() {
        Organization lead = organization("Voces", "US");
        Statement statement = new Statement(
                lead,
                "s",
                StatementTest.EDITOR,
                StatementTest.text(StatementTest.five(), null, true),
                StatementTest.NOW);
        statement.approve(StatementTest.NOW);
        Signatory before = signed(statement, organization("Alba", "MX"));
        statement.amend(
                StatementTest.text(List.of(StatementTest.demand("Only one", "Solo una")), null, true),
                false,
                true,
                StatementTest.NOW);
        Signatory after = signed(statement, lead);

        SignatoryList list = new SignatoryList(statement, List.of(after, before));

        assertEquals(List.of("Voces"), names(list.getLeads()));
        assertTrue(list.getOthers().isEmpty());
        assertEquals(List.of("Alba"), names(list.getEarlier()));
        assertEquals(1, list.getCount());
        assertEquals(List.of(new SignatoryList.CountryCount("US", 1)), list.getByCountry());
    }

    @Test
    @DisplayName("nobody signed yet: no organization, no country")
    void empty() {
        Statement statement = new Statement(
                organization("Voces", "US"),
                "s",
                StatementTest.EDITOR,
                StatementTest.text(StatementTest.five(), null, true),
                StatementTest.NOW);
        SignatoryList list = new SignatoryList(statement, List.of());
        assertTrue(list.isEmpty());
        assertEquals(0, list.getCount());
        assertEquals(0, list.getCountryCount());
    }
}
