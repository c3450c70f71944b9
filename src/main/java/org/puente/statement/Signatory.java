package org.puente.statement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.puente.account.Account;
import org.puente.organization.Organization;
import org.puente.platform.i18n.Language;

/**
 * An organization's signature on a statement: who signed for it (name and title), which version of the
 * text it endorsed, and whether it still stands. A member organization signs through one of its editors;
 * withdrawing keeps the row, marked, and signing again revives it for the current text.
 *
 * <p>The signer's contact address (for organizations outside the coalition) is never shown publicly.
 */
@Entity
@Table(name = "statement_signatory")
@NamedQuery(
        name = "Signatory.findSigned",
        query = "select s from Signatory s where s.statement.id = :statementId and s.withdrawnAt is null")
@NamedQuery(
        name = "Signatory.countCurrentByStatementInStates",
        query =
                "select s.statement.id, count(s) from Signatory s where s.withdrawnAt is null and s.kind <> :individual "
                        + "and s.textVersion = s.statement.textVersion and s.statement.state in :states group by s.statement.id")
@NamedQuery(
        name = "Signatory.findStatementsByOrganizationInStates",
        query =
                "select s.statement from Signatory s where s.organization.id = :organizationId and s.withdrawnAt is null "
                        + "and s.statement.state in :states "
                        + "order by coalesce(s.statement.releasedAt, s.statement.openedAt) desc")
@NamedQuery(
        name = "Signatory.findByStatementAndOrganization",
        query = "select s from Signatory s where s.statement.id = :statementId and s.organization.id = :organizationId")
public class Signatory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "statement_id")
    private Statement statement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignatoryKind kind;

    @ManyToOne
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Column(name = "organization_name", nullable = false)
    private String organizationName;

    /** The name as compared for duplicates: lower case, accents and punctuation gone, spaces single. */
    @Column(name = "name_key", nullable = false)
    private String nameKey;

    private String website;
    private String city;
    private String region;
    private String country;

    @Column(name = "signer_name", nullable = false)
    private String signerName;

    @Column(name = "signer_title")
    private String signerTitle;

    @Column(nullable = false, length = 2)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignatoryState state;

    @Column(name = "text_version", nullable = false)
    private int textVersion;

    @Column(name = "signed_by")
    private Long signedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Signatory() {}

    /** A member organization signs, through one of its editors, the statement's current text. */
    static Signatory member(
            Statement statement,
            Organization organization,
            Account editor,
            String signerName,
            String signerTitle,
            Instant now) {
        Signatory signatory = new Signatory();
        signatory.statement = statement;
        signatory.kind = SignatoryKind.MEMBER;
        signatory.organization = organization;
        signatory.createdAt = now;
        signatory.sign(editor, signerName, signerTitle, now);
        return signatory;
    }

    /**
     * An organization outside the coalition, as it signed (the public sign-on comes with its e-mail check and
     * staff's verification; the demo plants verified ones directly).
     */
    static Signatory outside(
            Statement statement,
            String organizationName,
            String city,
            String region,
            String country,
            String signerName,
            String signerTitle,
            Language language,
            Instant now) {
        Signatory signatory = new Signatory();
        signatory.statement = statement;
        signatory.kind = SignatoryKind.OUTSIDE;
        signatory.organizationName = organizationName.strip();
        signatory.nameKey = keyOf(organizationName);
        signatory.city = city;
        signatory.region = region;
        signatory.country = country;
        signatory.signerName = signerName.strip();
        signatory.signerTitle = signerTitle;
        signatory.language = language;
        signatory.textVersion = statement.getTextVersion();
        signatory.state = SignatoryState.SIGNED;
        signatory.createdAt = now;
        signatory.signedAt = now;
        return signatory;
    }

    /** Signs (again, after a withdrawal): the organization's details as they are now, the text as it is now. */
    void sign(Account editor, String signerName, String signerTitle, Instant now) {
        this.organizationName = organization.getName();
        this.nameKey = keyOf(organization.getName());
        this.website = organization.getWebsite();
        this.city = organization.getCity();
        this.region = organization.getRegion();
        this.country = organization.getCountry();
        this.signerName = signerName.strip();
        this.signerTitle = signerTitle == null || signerTitle.isBlank() ? null : signerTitle.strip();
        this.language = editor.getLanguage();
        this.signedBy = editor.getId();
        this.textVersion = statement.getTextVersion();
        this.state = SignatoryState.SIGNED;
        this.signedAt = now;
        this.withdrawnAt = null;
    }

    /** The organization takes its name off (only while sign-on is open; the service checks). */
    void withdraw(Instant now) {
        if (withdrawnAt == null) {
            this.withdrawnAt = now;
            this.state = SignatoryState.WITHDRAWN;
        }
    }

    /** Lower case, accents and punctuation gone, spaces single: "Centro Pro-Derechos, A.C." and "centro pro derechos ac" match. */
    static String keyOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return plain.length() > 200 ? plain.substring(0, 200) : plain;
    }

    public boolean isSigned() {
        return withdrawnAt == null;
    }

    /** Whether it endorsed the text as it is now (an earlier version's signature is shown apart). */
    public boolean endorsesCurrentText() {
        return textVersion == statement.getTextVersion();
    }

    public Long getId() {
        return id;
    }

    public Statement getStatement() {
        return statement;
    }

    public SignatoryKind getKind() {
        return kind;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public String getWebsite() {
        return website;
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

    public String getSignerName() {
        return signerName;
    }

    public String getSignerTitle() {
        return signerTitle;
    }

    public int getTextVersion() {
        return textVersion;
    }

    /** The editor's account that signed (for a member organization), to ask them to re-confirm. */
    public Long getSignedBy() {
        return signedBy;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signatory other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
