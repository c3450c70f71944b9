package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.account.Account;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationProfile;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.Role;
import org.puente.platform.web.FieldRefusedException;

@DisplayName("A statement: its text checked whole, its lifecycle, and its signatories in a Spanish reader's order")
class StatementTest {

    static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    static final Account EDITOR = new Account("ed@example.org", "Ed", "x", Role.ORG_EDITOR, Language.ES, NOW);

    static Organization organization(String name) {
        OrganizationProfile profile = new OrganizationProfile();
        profile.setName(name);
        profile.setCountry("MX");
        profile.setCity("Tijuana");
        return new Organization(Organization.slugOf(name), profile, NOW);
    }

    static Demand demand(String en, String es) {
        return new Demand(new LocalizedText(en, es), LocalizedText.empty());
    }

    static StatementText text(List<Demand> demands, Instant deadline, boolean signOn) {
        return new StatementText(
                new LocalizedText("Protection for children", "Protección para la niñez"),
                new LocalizedText("Five demands", "Cinco demandas"),
                new LocalizedText("<p>We ask</p><script>x()</script>", "<p>Pedimos</p>"),
                demands,
                LocalizedText.empty(),
                List.of("children", " detention ", ""),
                List.of("US", "MX"),
                new StatementText.MediaContact("Ana", "Voces", "press@example.org", null),
                null,
                deadline,
                deadline == null ? null : "America/Tijuana",
                signOn);
    }

    static List<Demand> five() {
        return IntStream.rangeClosed(1, 5)
                .mapToObj(i -> demand("Demand " + i, "Demanda " + i))
                .toList();
    }

    @Test
    @DisplayName("a statement needs at least one demand, none empty, and a deadline still ahead")
    void textCheckedWhole() {
        Organization lead = organization("Voces");
        FieldRefusedException none = assertThrows(
                FieldRefusedException.class, () -> new Statement(lead, "s", EDITOR, text(List.of(), null, true), NOW));
        assertEquals("statement.demands.none", none.key());
        FieldRefusedException empty = assertThrows(
                FieldRefusedException.class,
                () -> new Statement(
                        lead, "s", EDITOR, text(List.of(demand("One", "Una"), demand(" ", null)), null, true), NOW));
        assertEquals("demands", empty.field());
        assertEquals(2, empty.arguments()[0], "the second demand is the empty one");
        FieldRefusedException past = assertThrows(
                FieldRefusedException.class,
                () -> new Statement(lead, "s", EDITOR, text(five(), NOW.minusSeconds(60), true), NOW));
        assertEquals("deadline", past.field());

        Statement statement = new Statement(lead, "s", EDITOR, text(five(), NOW.plusSeconds(3600), true), NOW);
        assertEquals(5, statement.getDemands().size());
        assertEquals("Demanda 3", statement.getDemands().get(2).getText().es());
        assertEquals(List.of("children", "detention"), statement.getTags());
        assertFalse(statement.getPreamble().en().contains("script"), "the preamble is sanitized");
    }

    @Test
    @DisplayName("draft → in review → open → closed → released; sent back with a reason; signing only while open and "
            + "before the deadline")
    void lifecycle() {
        Statement statement =
                new Statement(organization("Voces"), "s", EDITOR, text(five(), NOW.plusSeconds(3600), true), NOW);
        statement.submitForReview(NOW);
        assertThrows(IllegalArgumentException.class, () -> statement.sendBack(" ", NOW));
        statement.sendBack("Add the Honduran demand", NOW);
        assertTrue(statement.isDraft());
        assertEquals("Add the Honduran demand", statement.getRejectionReason());
        statement.submitForReview(NOW);
        statement.approve(NOW);
        assertTrue(statement.isOpen());
        assertTrue(statement.takesSignatures(NOW.plusSeconds(60)));
        assertFalse(statement.takesSignatures(NOW.plusSeconds(3600)), "the deadline passed");
        assertThrows(IllegalStateException.class, () -> statement.write(text(five(), null, true), NOW));
        statement.release(NOW);
        assertTrue(statement.isReleased());
        assertFalse(statement.takesSignatures(NOW));
    }

    @Test
    @DisplayName("a statement without a sign-on phase is released when staff approve it")
    void withoutSignOn() {
        Statement statement = new Statement(null, "s", EDITOR, text(five(), NOW.plusSeconds(60), false), NOW);
        assertEquals(null, statement.getDeadline(), "no sign-on, no deadline");
        statement.submitForReview(NOW);
        statement.approve(NOW);
        assertTrue(statement.isReleased());
    }

    @Test
    @DisplayName("signatories: the lead and co-leads first, then A to Z as a Spanish reader expects")
    void spanishOrder() {
        Organization lead = organization("Zacatecas Unidos");
        Organization colead = organization("Voces");
        Statement statement = new Statement(lead, "s", EDITOR, text(five(), null, true), NOW);
        statement.coledBy(List.of(colead), NOW);
        List<Signatory> signed = List.of(
                        "Ñandutí Colectivo",
                        "nube azul",
                        "Ángeles de la Frontera",
                        "Alba",
                        lead.getName(),
                        "Oasis",
                        colead.getName())
                .stream()
                .map(name -> name.equals(lead.getName())
                        ? lead
                        : name.equals(colead.getName()) ? colead : organization(name))
                .map(o -> Signatory.member(statement, o, EDITOR, "Ana López", "Directora", NOW))
                .toList();

        String order = StatementService.ordered(statement, signed).stream()
                .map(Signatory::getOrganizationName)
                .collect(Collectors.joining(" | "));

        assertEquals(
                "Voces | Zacatecas Unidos | Alba | Ángeles de la Frontera | nube azul | Ñandutí Colectivo | Oasis",
                order);
    }

    @Test
    @DisplayName("an organization's name compares without case, accents or punctuation")
    void nameKeys() {
        assertEquals(Signatory.keyOf("Centro Pro-Derechos, A.C."), Signatory.keyOf("centro pro derechos a c"));
        assertEquals("nino y familia", Signatory.keyOf("Niño  y Familia!"));
    }

    @Test
    @DisplayName("a change of an open statement's demands after signatures makes a new version; an editorial one, "
            + "or one before anybody signed, does not")
    void versions() {
        Statement statement = new Statement(organization("Voces"), "s", EDITOR, text(five(), null, true), NOW);
        statement.approve(NOW);
        List<Demand> changed = new java.util.ArrayList<>(five());
        changed.set(1, demand("Keep families together", "Mantener unidas a las familias"));

        assertFalse(statement.amend(text(changed, null, true), false, false, NOW), "nobody signed yet");
        assertEquals(1, statement.getTextVersion());
        changed.add(demand("A sixth", "Una sexta"));
        assertFalse(statement.amend(text(changed, null, true), true, true, NOW), "editorial");
        assertEquals(1, statement.getTextVersion());
        assertFalse(statement.amend(text(changed, null, true), false, true, NOW), "the same text again");
        changed.remove(5);
        assertTrue(statement.amend(text(changed, null, true), false, true, NOW));
        assertEquals(2, statement.getTextVersion());
    }

    @Test
    @DisplayName("what changed between two versions: a moved demand is not a change; added, removed, changed are")
    void demandChanges() {
        List<Demand> before = five();
        List<Demand> after = new java.util.ArrayList<>(List.of(
                before.get(1), before.get(0), demand("Demand 3, sharper", "Demanda 3, más clara"), before.get(3)));
        after.add(demand("A new one", "Una nueva"));
        after.add(demand("Another", "Otra"));
        List<DemandChanges.Change> changes = DemandChanges.between(before, after);
        assertEquals(
                List.of(
                        "CHANGED 3 Demand 3 → Demand 3, sharper",
                        "CHANGED 5 Demand 5 → A new one",
                        "ADDED 6 → Another"),
                changes.stream()
                        .map(c -> c.kind() + " " + c.number() + " "
                                + (c.before() == null
                                        ? ""
                                        : c.before().getText().en() + " ") + "→ "
                                + c.after().getText().en())
                        .toList());
        assertEquals(
                List.of("REMOVED 4"),
                DemandChanges.between(five(), List.of(five().get(0), five().get(1), five().get(2), five().get(4)))
                        .stream()
                        .map(c -> c.kind() + " " + c.number())
                        .toList());
    }
}
