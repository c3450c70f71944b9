package org.puente.platform.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.puente.account.AccountService;
import org.puente.event.DemoEvents;
import org.puente.organization.Coalition;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationProfile;
import org.puente.petition.Petition;
import org.puente.petition.Signature;
import org.puente.petition.SignatureForm;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.security.Role;
import org.puente.statement.DemoStatements;
import org.puente.supporter.SupporterService;

/**
 * Data the portal needs before anyone can use it: the coalition row, the first admin (from
 * {@code PUENTE_ADMIN_EMAIL}/{@code PUENTE_ADMIN_PASSWORD} and optionally {@code PUENTE_ADMIN_NAME}, once, only if no admin exists), and, when
 * {@code PUENTE_DEMO_DATA=true} (the embedded run), demo organizations, open petitions with some
 * confirmed signatures, and events on an empty database. One transaction, run by {@link Bootstrap} under a lock that
 * every instance shares, so two instances starting together do not both find the database empty.
 */
@ApplicationScoped
public class BootstrapData {

    private static final Logger LOG = Logger.getLogger(BootstrapData.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    PuenteConfig config;

    @Inject
    AccountService accounts;

    @Inject
    SupporterService supporters;

    @Inject
    DemoEvents demoEvents;

    @Inject
    DemoStatements demoStatements;

    @Transactional
    public void seed() {
        boolean fresh = em.find(Coalition.class, Coalition.ID) == null;
        List<Organization> demo = List.of();
        if (fresh) {
            em.persist(
                    config.demoData()
                            ? demoCoalition()
                            : new Coalition(
                                    new LocalizedText("Puente", "Puente"),
                                    LocalizedText.empty(),
                                    "-",
                                    clock.instant()));
            if (config.demoData()) {
                demo = demoOrganizations();
            }
        }
        createFirstAdmin();
        if (!demo.isEmpty()) {
            // Statements carry their author: the first admin writes the demo ones.
            List<Organization> members = demo;
            config.adminEmail()
                    .flatMap(accounts::findByEmail)
                    .ifPresent(admin -> demoStatements.plant(
                            admin, clock.instant(), members.get(0), members.get(1), members.get(2)));
        }
    }

    private void createFirstAdmin() {
        if (config.adminEmail().isEmpty() || accounts.hasActive(Role.ADMIN)) {
            return;
        }
        String password = config.adminPassword().orElse(null);
        if (password == null || PasswordPolicy.check(password).isPresent()) {
            LOG.severe("PUENTE_ADMIN_PASSWORD is missing or too weak (12+ characters, not a common password); "
                    + "no admin account was created");
            return;
        }
        // The admin's own name when given; never an invented word ("Administrator" read as a person's name in
        // Spanish mail): without one, mail the admin sends names the coalition instead.
        accounts.create(config.adminEmail().get(), config.adminName().orElse(""), password, Role.ADMIN, Language.EN);
        LOG.info("Created the first admin account");
    }

    private Coalition demoCoalition() {
        return new Coalition(
                new LocalizedText(
                        "Puente Coalition for Migrant Families", "Coalición Puente por las Familias Migrantes"),
                new LocalizedText(
                        "We are a national coalition of immigrant-led community organizations working together "
                                + "to protect migrant children and families: we speak out, we accompany, and we mobilize.",
                        "Somos una coalición nacional de organizaciones comunitarias dirigidas por inmigrantes que "
                                + "trabajan juntas para proteger a la niñez y las familias migrantes: alzamos la voz, "
                                + "acompañamos y movilizamos."),
                "1220 Calle Esperanza, Suite 4, El Paso, TX 79901, USA",
                clock.instant());
    }

    /** @return Frontera, Voces and Santuario, in that order */
    private List<Organization> demoOrganizations() {
        Organization frontera = demoOrganization(
                "Frontera Family Network",
                "El Paso",
                "Texas",
                "US",
                "Accompanies families released at the border with shelter referrals, legal orientation and "
                        + "vigils every first Friday.",
                "Acompaña a las familias liberadas en la frontera con referencias a albergues, orientación legal "
                        + "y vigilias cada primer viernes.");
        Organization voces = demoOrganization(
                "Voces Unidas de Chicago",
                "Chicago",
                "Illinois",
                "US",
                "A community organization of immigrant parents that trains members to brief policymakers and "
                        + "organize their neighbors.",
                "Una organización comunitaria de madres y padres inmigrantes que capacita a sus miembros para "
                        + "informar a legisladores y organizar a sus vecinos.");
        Organization santuario = demoOrganization(
                "Santuario Faith Alliance",
                "Los Angeles",
                "California",
                "US",
                "Congregations in solidarity with migrants: prayer days, fact-finding delegations to detention "
                        + "centers, and sanctuary.",
                "Congregaciones solidarias con las personas migrantes: jornadas de oración, delegaciones de "
                        + "observación a centros de detención y santuario.");
        demoPetitions(frontera, voces, santuario);
        demoEvents.plant(frontera, voces, santuario);
        return List.of(frontera, voces, santuario);
    }

    private void demoPetitions(Organization frontera, Organization voces, Organization santuario) {
        Instant now = clock.instant();
        Petition release = new Petition(
                frontera,
                "reunite-families-now",
                new LocalizedText("Reunite separated families now", "Reunifiquen ya a las familias separadas"),
                new LocalizedText(
                        "Children must not wait in detention while their parents are searched for.",
                        "Ningún niño debe esperar detenido mientras se busca a sus padres."),
                new LocalizedText(
                        "<p>We ask the Office of Refugee Resettlement to <strong>release children to their "
                                + "families within 72 hours</strong>, to fund legal representation for every child, and to "
                                + "publish weekly data on family reunification.</p>",
                        "<p>Pedimos a la Oficina de Reasentamiento de Refugiados que <strong>entregue a cada niño a su "
                                + "familia en un máximo de 72 horas</strong>, que financie representación legal para cada niño "
                                + "y que publique cada semana datos sobre la reunificación familiar.</p>"),
                new LocalizedText("Office of Refugee Resettlement", "Oficina de Reasentamiento de Refugiados"),
                1000,
                null,
                now);
        Petition interpreters = new Petition(
                voces,
                "interpreters-in-every-court",
                new LocalizedText(
                        "Interpreters in every immigration court", "Intérpretes en cada corte de inmigración"),
                new LocalizedText(
                        "No one should face a judge in a language they do not understand.",
                        "Nadie debe enfrentarse a un juez en un idioma que no entiende."),
                new LocalizedText(
                        "<p>We call on the Executive Office for Immigration Review to guarantee qualified "
                                + "interpreters, including for Indigenous languages, at every hearing.</p>",
                        "<p>Exigimos a la Oficina Ejecutiva de Revisión de Inmigración que garantice intérpretes "
                                + "calificados, también de lenguas indígenas, en cada audiencia.</p>"),
                new LocalizedText(
                        "Executive Office for Immigration Review", "Oficina Ejecutiva de Revisión de Inmigración"),
                500,
                null,
                now);
        release.cosponsoredBy(List.of(voces, santuario), now);
        for (Petition petition : new Petition[] {release, interpreters}) {
            petition.submitForReview(now);
            petition.approve(now);
            em.persist(petition);
        }
        String[][] signers = {
            {"María", "López", "es"},
            {"James", "Carter", "en"},
            {"Lucía", "Hernández", "es"},
            {"Ana", "Pérez", "es"},
            {"David", "Nguyen", "en"},
            {"Rosa", "Martínez", "es"},
            {"Sam", "Okafor", "en"}
        };
        for (int i = 0; i < signers.length; i++) {
            for (Petition petition : new Petition[] {release, interpreters}) {
                if (petition == interpreters && i % 2 != 0) {
                    continue;
                }
                SignatureForm form = new SignatureForm();
                form.setFirstName(signers[i][0]);
                form.setLastName(signers[i][1]);
                form.setEmail("demo-signer-" + i + "@example.org");
                form.setCountry("US");
                form.setLanguage(Language.parse(signers[i][2]).orElseThrow());
                // All but the last signer ticked the alerts box, so staff find an audience for an alert at once.
                form.setAlertsConsent(i < signers.length - 1);
                Signature signature = new Signature(petition, form, null, now, null, null, null);
                signature.confirm(now);
                em.persist(signature);
            }
            if (i < signers.length - 1) {
                String email = "demo-signer-" + i + "@example.org";
                supporters.recordConsent(
                        email,
                        email,
                        signers[i][0],
                        signers[i][1],
                        null,
                        "US",
                        Language.parse(signers[i][2]).orElseThrow(),
                        "demo data");
            }
        }
    }

    private Organization demoOrganization(
            String name, String city, String region, String country, String en, String es) {
        OrganizationProfile profile = new OrganizationProfile();
        profile.setName(name);
        profile.setCity(city);
        profile.setRegion(region);
        profile.setCountry(country);
        profile.setDescriptionEn(en);
        profile.setDescriptionEs(es);
        Organization organization = new Organization(Organization.slugOf(name), profile, clock.instant());
        em.persist(organization);
        return organization;
    }
}
