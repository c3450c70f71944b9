package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.puente.account.Account;
import org.puente.organization.Organization;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;

/**
 * The embedded run's demo statements, planted with the demo organizations on an empty database so a new
 * user sees one at once: the coalition's joint statement on protection across borders, released with its
 * five demands and signed by the three member organizations and two organizations outside the coalition
 * (in Mexico and Honduras), and a statement open for sign-on.
 */
@ApplicationScoped
public class DemoStatements {

    @PersistenceContext
    EntityManager em;

    /** Plants the demo statements in the caller's transaction, written by {@code author} (the first admin). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plant(Account author, Instant now, Organization frontera, Organization voces, Organization santuario) {
        Instant opened = now.minus(Duration.ofDays(21));
        Statement released = new Statement(
                voces,
                "protection-for-children-and-families-across-borders",
                author,
                new StatementText(
                        new LocalizedText(
                                "Protection for children and families across borders",
                                "Protección para la niñez y las familias a través de las fronteras"),
                        new LocalizedText(
                                "Immigrant-led organizations in the United States, Mexico and Central America ask "
                                        + "their governments for five protections for migrant children and families.",
                                "Organizaciones lideradas por personas inmigrantes en Estados Unidos, México y "
                                        + "Centroamérica piden a sus gobiernos cinco protecciones para la niñez y las "
                                        + "familias migrantes."),
                        new LocalizedText(
                                "<p>We, the undersigned organizations, accompany children and families on every "
                                        + "side of the border. We see what detention, separation and deportation do to "
                                        + "them, and we ask our governments to act.</p>",
                                "<p>Las organizaciones firmantes acompañamos a niñas, niños y familias a ambos lados "
                                        + "de la frontera. Vemos lo que la detención, la separación y la deportación les "
                                        + "hacen, y pedimos a nuestros gobiernos que actúen.</p>"),
                        List.of(
                                demand(
                                        "End the detention of children and families.",
                                        "Poner fin a la detención de niñas, niños y familias.",
                                        "To the US Congress",
                                        "Al Congreso de Estados Unidos"),
                                demand(
                                        "Never separate a child from their parents or caregivers.",
                                        "No separar nunca a una niña o un niño de sus padres o cuidadores.",
                                        "To the US Department of Homeland Security",
                                        "Al Departamento de Seguridad Nacional de Estados Unidos"),
                                demand(
                                        "Guarantee legal counsel for every child in immigration proceedings.",
                                        "Garantizar asistencia legal a toda la niñez en procesos migratorios.",
                                        null,
                                        null),
                                demand(
                                        "Protect people waiting at the border from violence and extortion.",
                                        "Proteger de la violencia y la extorsión a las personas que esperan en la frontera.",
                                        "To the Government of Mexico",
                                        "Al Gobierno de México"),
                                demand(
                                        "Receive returned children and families with care, not abandonment.",
                                        "Recibir con cuidado, y no con abandono, a la niñez y las familias retornadas.",
                                        "To the Governments of Honduras, Guatemala and El Salvador",
                                        "A los Gobiernos de Honduras, Guatemala y El Salvador")),
                        new LocalizedText(
                                "<p>We will keep accompanying families until these protections are real.</p>",
                                "<p>Seguiremos acompañando a las familias hasta que estas protecciones sean reales.</p>"),
                        List.of("children", "detention", "family separation"),
                        List.of("US", "MX", "HN", "GT", "SV"),
                        new StatementText.MediaContact(
                                "Communications team", voces.getName(), "prensa@example.org", null),
                        LocalDate.ofInstant(now.minus(Duration.ofDays(5)), ZoneId.of("America/Chicago")),
                        null,
                        null,
                        true),
                opened.minus(Duration.ofDays(2)));
        released.coledBy(List.of(frontera), opened);
        em.persist(released);
        em.flush(); // its id, for its revision
        released.approve(opened);
        em.persist(StatementRevision.of(released, false, author.getId(), opened));
        Instant signing = opened.plus(Duration.ofDays(2));
        em.persist(Signatory.member(released, voces, author, "Lucía Hernández", "Executive Director", signing));
        em.persist(Signatory.member(
                released, frontera, author, "Daniel Ortiz", "Coordinator", signing.plus(Duration.ofHours(5))));
        em.persist(Signatory.member(
                released, santuario, author, "Rev. Ana Gómez", "Pastor", signing.plus(Duration.ofHours(9))));
        signing = signing.plus(Duration.ofDays(1));
        em.persist(Signatory.outside(
                released,
                "Albergue Esperanza de Tijuana",
                "Tijuana",
                "Baja California",
                "MX",
                "María Elena Ruiz",
                "Coordinadora",
                Language.ES,
                signing));
        em.persist(Signatory.outside(
                released,
                "Red Comunitaria de Retornados",
                "San Pedro Sula",
                "Cortés",
                "HN",
                "José Ángel Núñez",
                "Presidente",
                Language.ES,
                signing.plus(Duration.ofHours(3))));
        released.release(now.minus(Duration.ofDays(5)));

        Statement open = new Statement(
                santuario,
                "stop-holding-children-in-border-cells",
                author,
                new StatementText(
                        new LocalizedText(
                                "Stop holding children in border cells",
                                "Alto a la detención de niñas y niños en celdas fronterizas"),
                        new LocalizedText(
                                "Faith communities ask that no child spend a night in a border holding cell.",
                                "Las comunidades de fe piden que ninguna niña o niño pase una noche en una celda "
                                        + "fronteriza."),
                        new LocalizedText(
                                "<p>Children are held for days in cold cells built for a few hours.</p>",
                                "<p>Niñas y niños pasan días en celdas frías hechas para unas pocas horas.</p>"),
                        List.of(
                                demand(
                                        "Release children to their families or to child-welfare care within 72 hours.",
                                        "Entregar a la niñez a sus familias o a servicios de protección en menos de 72 horas.",
                                        "To US Customs and Border Protection",
                                        "A la Oficina de Aduanas y Protección Fronteriza"),
                                demand(
                                        "Let independent doctors and faith leaders visit every holding facility.",
                                        "Permitir que médicos independientes y líderes de fe visiten cada centro.",
                                        null,
                                        null),
                                demand(
                                        "Publish how long each child is held, every month.",
                                        "Publicar cada mes cuánto tiempo se retiene a cada niña o niño.",
                                        null,
                                        null)),
                        LocalizedText.empty(),
                        List.of("children", "detention"),
                        List.of("US"),
                        null,
                        null,
                        now.plus(Duration.ofDays(14)),
                        "America/Los_Angeles",
                        true,
                        true),
                now.minus(Duration.ofDays(3)));
        em.persist(open);
        em.flush();
        open.approve(now.minus(Duration.ofDays(2)));
        em.persist(StatementRevision.of(open, false, author.getId(), now.minus(Duration.ofDays(2))));
        em.persist(
                Signatory.member(open, santuario, author, "Rev. Ana Gómez", "Pastor", now.minus(Duration.ofDays(1))));
    }

    private static Demand demand(String en, String es, String toEn, String toEs) {
        return new Demand(new LocalizedText(en, es), new LocalizedText(toEn, toEs));
    }
}
