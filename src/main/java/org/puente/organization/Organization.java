package org.puente.organization;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.puente.account.Account;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.Role;

/**
 * A member organization of the coalition. Deactivated organizations disappear from public pages but
 * keep their history; the slug, chosen once from the name, is their public address. Its editors are the
 * accounts that accepted an invitation to act for it; the membership is the organization's, not the account's.
 */
@Entity
@Table(name = "organization")
@NamedQuery(
        name = "Organization.findActiveOrderedByName",
        query = "select o from Organization o where o.active = true order by o.name")
@NamedQuery(
        name = "Organization.findAllOrderedByName",
        query = "select o from Organization o order by o.active desc, o.name")
@NamedQuery(
        name = "Organization.findActiveBySlug",
        query = "select o from Organization o where o.slug = :slug and o.active = true")
@NamedQuery(name = "Organization.countBySlug", query = "select count(o) from Organization o where o.slug = :slug")
@NamedQuery(
        name = "Organization.countByNameExcept",
        query = "select count(o) from Organization o where lower(o.name) = lower(:name) and o.id <> :id")
@NamedQuery(
        name = "Organization.findEditedBy",
        query = "select o from Organization o join o.editors a where a.id = :accountId order by o.name")
@NamedQuery(
        name = "Organization.findEditorsOf",
        query = "select a from Organization o join o.editors a where o.id = :organizationId order by a.displayName")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "description_en")),
        @AttributeOverride(name = "es", column = @Column(name = "description_es"))
    })
    private LocalizedText description;

    private String city;
    private String region;

    @Column(nullable = false, length = 2)
    private String country;

    private String website;

    @Column(name = "contact_email")
    private String contactEmail;

    private boolean active;

    /** Staff trust it to publish its events without review. */
    @Column(name = "events_trusted")
    private boolean eventsTrusted;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ManyToMany
    @JoinTable(
            name = "organization_editor",
            joinColumns = @JoinColumn(name = "organization_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> editors = new HashSet<>();

    protected Organization() {}

    public Organization(String slug, OrganizationProfile profile, Instant now) {
        this.slug = slug;
        this.active = true;
        this.createdAt = now;
        update(profile, now);
    }

    public final void update(OrganizationProfile profile, Instant now) {
        this.name = profile.getName().strip();
        this.description = new LocalizedText(profile.getDescriptionEn(), profile.getDescriptionEs());
        this.city = blankToNull(profile.getCity());
        this.region = blankToNull(profile.getRegion());
        this.country = profile.getCountry().strip().toUpperCase(Locale.ROOT);
        this.website = blankToNull(profile.getWebsite());
        this.contactEmail = blankToNull(profile.getContactEmail());
        this.updatedAt = now;
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    public void reactivate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    /** Staff trust the organization to publish its events without review, or take that back. */
    public void trustWithEvents(boolean trusted, Instant now) {
        this.eventsTrusted = trusted;
        this.updatedAt = now;
    }

    public boolean isEventsTrusted() {
        return eventsTrusted;
    }

    /** Whether this person may change the organization's profile: any admin, or one of its editors. */
    public boolean mayBeEditedBy(Account account) {
        if (!account.isActive()) {
            return false;
        }
        return account.getRole() == Role.ADMIN || (account.getRole() == Role.ORG_EDITOR && hasEditor(account));
    }

    /**
     * Whether this person may see who acts for the organization and invite more (or resend and revoke
     * invitations): coalition staff and admins for every organization, an editor for their own only.
     */
    public boolean mayManageEditorsBy(Account account) {
        if (!account.isActive()) {
            return false;
        }
        return switch (account.getRole()) {
            case ADMIN, STAFF -> true;
            case ORG_EDITOR -> hasEditor(account);
        };
    }

    /** Whether the account acts for this organization (whatever its role and state). */
    public boolean hasEditor(Account account) {
        return editors.stream().anyMatch(editor -> same(editor, account));
    }

    /** The person accepted an invitation: from now on they act for the organization. */
    public void addEditor(Account account) {
        if (!hasEditor(account)) {
            editors.add(account);
        }
    }

    public void removeEditor(Account account) {
        editors.stream().filter(editor -> same(editor, account)).findFirst().ifPresent(editors::remove);
    }

    /** Accounts from another persistence context (the caller's) are the same person when their ids are. */
    private static boolean same(Account one, Account other) {
        return one == other || (one.getId() != null && one.getId().equals(other.getId()));
    }

    /** A URL-safe form of a name: "Fe y Justicia Ñ" → "fe-y-justicia-n". */
    public static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "organization" : slug;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Where the organization is, as one line in the reader's language: "El Paso, Texas, Estados Unidos". */
    public String locationIn(Language language) {
        StringBuilder location = new StringBuilder();
        for (String part : new String[] {city, region, country == null ? null : Countries.name(country, language)}) {
            if (part != null) {
                location.append(location.isEmpty() ? "" : ", ").append(part);
            }
        }
        return location.toString();
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public LocalizedText getDescription() {
        return description == null ? LocalizedText.empty() : description;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public String getCountry() {
        return country;
    }

    public String getWebsite() {
        return website;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Organization other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }
}
