package org.puente.supporter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.puente.platform.i18n.Language;

/**
 * A person who agreed to receive the coalition's action alerts, in their own language. Exists only
 * with an explicit consent, whose time and source are kept; without one, no alert ever goes to them.
 */
@Entity
@Table(name = "supporter")
@NamedQuery(
        name = "Supporter.findByCanonicalEmail",
        query = "select s from Supporter s where s.emailCanonical = :email")
public class Supporter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_canonical", nullable = false, updatable = false)
    private String emailCanonical;

    /** Derived by the database from the canonical address, for the search by domain. */
    @Column(name = "email_domain", insertable = false, updatable = false)
    private String emailDomain;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    /** Unknown when the form that brought the person in left it out. */
    @Column(name = "last_name")
    private String lastName;

    @Column(name = "postal_code")
    private String postalCode;

    /** Unknown when the form asked none (an online event's registration). */
    @Column(length = 2)
    private String country;

    @Column(nullable = false, length = 2)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SupporterStatus status;

    @Column(name = "consent_at", nullable = false)
    private Instant consentAt;

    @Column(name = "consent_source", nullable = false)
    private String consentSource;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Signed into the preferences link; raising it revokes every link given out before. */
    @Column(name = "link_generation", nullable = false)
    private int linkGeneration;

    protected Supporter() {}

    public Supporter(String email, String emailCanonical, Instant now) {
        this.email = email;
        this.emailCanonical = emailCanonical;
        this.createdAt = now;
    }

    /**
     * A fresh, explicit consent: the person's details and language as they just gave them, subscribed. A
     * name or country the form did not ask for (a last name left empty, no country for an online event) keeps
     * the one on file, or stays unknown; the postal code is always as given (none clears it).
     */
    public void consent(
            String firstName,
            String lastName,
            String postalCode,
            String country,
            Language language,
            String source,
            Instant now) {
        this.firstName = given(firstName, this.firstName);
        this.lastName = given(lastName, this.lastName);
        this.postalCode = postalCode;
        this.country = given(country, this.country);
        this.language = language;
        this.status = SupporterStatus.SUBSCRIBED;
        this.consentAt = now;
        this.consentSource = source;
        this.updatedAt = now;
    }

    private static String given(String value, String onFile) {
        return value == null || value.isBlank() ? onFile : value;
    }

    /** Every preferences and erasure link given out so far stops working (a new one must be sent). */
    public void revokeLinks(Instant now) {
        this.linkGeneration++;
        this.updatedAt = now;
    }

    public int getLinkGeneration() {
        return linkGeneration;
    }

    /** No more alerts: unsubscribed, bounced or complained. A new consent subscribes again. */
    public void suppress(SupporterStatus why, Instant now) {
        if (why == SupporterStatus.SUBSCRIBED) {
            throw new IllegalArgumentException("suppress needs a reason other than SUBSCRIBED");
        }
        this.status = why;
        this.updatedAt = now;
    }

    public void changeLanguage(Language language, Instant now) {
        this.language = language;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailCanonical() {
        return emailCanonical;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }

    public Instant getConsentAt() {
        return consentAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Language getLanguage() {
        return language;
    }

    public SupporterStatus getStatus() {
        return status;
    }

    public String getConsentSource() {
        return consentSource;
    }
}
