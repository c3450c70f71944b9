package org.puente.platform.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import org.puente.account.AccountService;
import org.puente.organization.Coalition;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationProfile;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.persistence.SchemaMigration.SchemaReady;
import org.puente.platform.security.PasswordPolicy;
import org.puente.platform.security.Role;

/**
 * Data the portal needs before anyone can use it: the coalition row, the first admin (from
 * {@code PUENTE_ADMIN_EMAIL}/{@code PUENTE_ADMIN_PASSWORD}, once, only if no admin exists), and, when
 * {@code PUENTE_DEMO_DATA=true} (the embedded run), demo organizations on an empty database.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PuenteConfig config;

    @Inject
    AccountService accounts;

    @Transactional
    void onSchemaReady(@Observes SchemaReady ready) {
        boolean fresh = em.find(Coalition.class, Coalition.ID) == null;
        if (fresh) {
            em.persist(config.demoData() ? demoCoalition() : new Coalition("Puente", LocalizedText.empty(), "-", Instant.now()));
            if (config.demoData()) {
                demoOrganizations();
            }
        }
        createFirstAdmin();
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
        accounts.create(config.adminEmail().get(), "Administrator", password, Role.ADMIN, Language.EN);
        LOG.info("Created the first admin account");
    }

    private Coalition demoCoalition() {
        return new Coalition("Puente Coalition for Migrant Families",
                new LocalizedText(
                        "We are a national coalition of immigrant-led community organizations working together "
                                + "to protect migrant children and families: we speak out, we accompany, and we mobilize.",
                        "Somos una coalición nacional de organizaciones comunitarias dirigidas por inmigrantes que "
                                + "trabajan juntas para proteger a la niñez y las familias migrantes: alzamos la voz, "
                                + "acompañamos y movilizamos."),
                "1220 Calle Esperanza, Suite 4, El Paso, TX 79901, USA", Instant.now());
    }

    private void demoOrganizations() {
        demoOrganization("Frontera Family Network", "El Paso", "Texas", "US",
                "Accompanies families released at the border with shelter referrals, legal orientation and "
                        + "vigils every first Friday.",
                "Acompaña a las familias liberadas en la frontera con referencias a albergues, orientación legal "
                        + "y vigilias cada primer viernes.");
        demoOrganization("Voces Unidas de Chicago", "Chicago", "Illinois", "US",
                "A community organization of immigrant parents that trains members to brief policymakers and "
                        + "organize their neighbors.",
                "Una organización comunitaria de madres y padres inmigrantes que capacita a sus miembros para "
                        + "informar a legisladores y organizar a sus vecinos.");
        demoOrganization("Santuario Faith Alliance", "Los Angeles", "California", "US",
                "Congregations in solidarity with migrants: prayer days, fact-finding delegations to detention "
                        + "centers, and sanctuary.",
                "Congregaciones solidarias con las personas migrantes: jornadas de oración, delegaciones de "
                        + "observación a centros de detención y santuario.");
    }

    private void demoOrganization(String name, String city, String region, String country, String en, String es) {
        OrganizationProfile profile = new OrganizationProfile();
        profile.setName(name);
        profile.setCity(city);
        profile.setRegion(region);
        profile.setCountry(country);
        profile.setDescriptionEn(en);
        profile.setDescriptionEs(es);
        em.persist(new Organization(Organization.slugOf(name), profile, Instant.now()));
    }
}
