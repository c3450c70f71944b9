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
import java.util.Set;
import org.puente.account.Account;
import org.puente.organization.Organization;
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.EmailAddresses;
import org.puente.platform.security.Tokens;

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
        query = "select s from Signatory s where s.statement.id = :statementId "
                + "and s.state = org.puente.statement.SignatoryState.SIGNED")
@NamedQuery(
        name = "Signatory.countCurrentByStatementInStates",
        query =
                "select s.statement.id, count(s) from Signatory s where s.state = org.puente.statement.SignatoryState.SIGNED "
                        + "and s.kind <> :individual "
                        + "and s.textVersion = s.statement.textVersion and s.statement.state in :states group by s.statement.id")
@NamedQuery(
        name = "Signatory.findStatementsByOrganizationInStates",
        query = "select s.statement from Signatory s where s.organization.id = :organizationId "
                + "and s.state = org.puente.statement.SignatoryState.SIGNED "
                + "and s.statement.state in :states "
                + "order by coalesce(s.statement.releasedAt, s.statement.openedAt) desc")
@NamedQuery(name = "Signatory.findByTokenHash", query = "select s from Signatory s where s.tokenHash = :hash")
@NamedQuery(
        name = "Signatory.findByStatementAndName",
        query = "select s from Signatory s where s.statement.id = :statementId and s.nameKey = :nameKey "
                + "and s.country = :country")
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

    /** The signer's contact address (outside organizations and individuals): never shown publicly. */
    private String email;

    /** The address's domain when it is an organization's own (not a free mail service's), to flag duplicates. */
    @Column(name = "email_domain")
    private String emailDomain;

    @Column(nullable = false, length = 2)
    private Language language;

    /** The hash of the link that confirms (or re-confirms) the signature by e-mail; never the link itself. */
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "token_expires_at")
    private Instant tokenExpiresAt;

    /** What the public form's limits count this submission under (its address's /64). */
    @Column(name = "limit_key")
    private String limitKey;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "verified_by")
    private Long verifiedBy;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    /** An individual may sign without their name shown (only counted). */
    @Column(name = "name_public", nullable = false)
    private boolean namePublic = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignatoryState state;

    @Column(name = "text_version", nullable = false)
    private int textVersion;

    @Column(name = "signed_by")
    private Long signedBy;

    @Column(name = "created_at", nullable = false)
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

    /**
     * A signature through the public form, waiting for the signer to confirm it from the link mailed to them
     * (only the link's hash is kept).
     */
    static Signatory requested(
            Statement statement,
            SignatoryKind kind,
            SignOnForm form,
            String tokenHash,
            Instant linkExpiry,
            String limitKey,
            Instant now) {
        Signatory signatory = new Signatory();
        signatory.statement = statement;
        signatory.kind = kind;
        signatory.request(form, tokenHash, linkExpiry, limitKey, now);
        return signatory;
    }

    /**
     * The form's details, as a new request: what an unconfirmed or turned-down request said is replaced, and
     * only the newest link works.
     */
    void request(SignOnForm form, String tokenHash, Instant linkExpiry, String limitKey, Instant now) {
        boolean individual = kind == SignatoryKind.INDIVIDUAL;
        this.signerName = form.getSignerName().strip();
        this.organizationName =
                individual ? signerName : form.getOrganizationName().strip();
        this.nameKey = individual ? individualKey(form.getEmail()) : keyOf(organizationName);
        this.website = individual ? null : blankToNull(form.getWebsite());
        this.city = blankToNull(form.getCity());
        this.region = individual ? null : blankToNull(form.getRegion());
        this.country = form.getCountry();
        this.signerTitle = individual ? null : blankToNull(form.getSignerTitle());
        this.email = form.getEmail().strip();
        this.emailDomain = organizationDomain(email);
        this.language = form.getLanguage();
        this.namePublic = !individual || form.isNamePublic();
        this.textVersion = statement.getTextVersion();
        this.state = SignatoryState.UNCONFIRMED;
        this.tokenHash = tokenHash;
        this.tokenExpiresAt = linkExpiry;
        this.limitKey = limitKey;
        this.createdAt = now;
        this.confirmedAt = null;
        this.verifiedAt = null;
        this.verifiedBy = null;
        this.rejectionReason = null;
        this.signedAt = null;
        this.withdrawnAt = null;
    }

    /** A link (its hash) that confirms this signature, or re-confirms it for a new version of the text. */
    void linkTo(String tokenHash, Instant expiry) {
        this.tokenHash = tokenHash;
        this.tokenExpiresAt = expiry;
    }

    /** Whether the link is still good at {@code now}. */
    boolean linkUsable(Instant now) {
        return tokenHash != null && tokenExpiresAt != null && now.isBefore(tokenExpiresAt);
    }

    /**
     * The signer confirmed from the link: an outside organization's signature now waits for staff, an
     * individual's stands at once. The link stays known, to say where the signature stands when opened again.
     */
    void confirmEmail(Instant now) {
        this.confirmedAt = now;
        this.textVersion = statement.getTextVersion();
        if (kind == SignatoryKind.INDIVIDUAL) {
            this.state = SignatoryState.SIGNED;
            this.signedAt = now;
        } else {
            this.state = SignatoryState.UNVERIFIED;
        }
    }

    /** The signer endorses the text as it is now, from the link a new version's mail carried. */
    void reconfirm(Instant now) {
        this.textVersion = statement.getTextVersion();
        this.signedAt = now;
    }

    /** Staff checked that the organization exists and the signer speaks for it: it is listed from now on. */
    void verify(long staffId, Instant now) {
        this.state = SignatoryState.SIGNED;
        this.verifiedBy = staffId;
        this.verifiedAt = now;
        this.signedAt = now;
    }

    /** Staff turned it down, with the reason the signer is told. */
    void reject(long staffId, String reason, Instant now) {
        this.state = SignatoryState.REJECTED;
        this.verifiedBy = staffId;
        this.verifiedAt = now;
        this.rejectionReason = reason;
        this.tokenHash = null;
        this.tokenExpiresAt = null;
    }

    /** Individuals are told apart by their address, never listed by it: a one-way key of the canonical form. */
    static String individualKey(String email) {
        return "@" + Tokens.hash(EmailAddresses.canonical(email)).substring(0, 40);
    }

    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "yahoo.com.mx",
            "yahoo.es",
            "ymail.com",
            "hotmail.com",
            "hotmail.es",
            "outlook.com",
            "outlook.es",
            "live.com",
            "live.com.mx",
            "msn.com",
            "icloud.com",
            "me.com",
            "aol.com",
            "protonmail.com",
            "proton.me",
            "gmx.com",
            "gmx.net",
            "mail.com",
            "yandex.com",
            "zoho.com",
            "prodigy.net.mx",
            "tutanota.com");

    /** The address's domain, lower case, unless it is a free mail service's (shared by strangers). */
    static String organizationDomain(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return domain.isEmpty() || FREE_MAIL.contains(domain) ? null : domain;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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

    /** Whether the signature stands publicly (a member's, a verified outside organization's, a confirmed person's). */
    public boolean isSigned() {
        return state == SignatoryState.SIGNED;
    }

    public SignatoryState getState() {
        return state;
    }

    /** The signer's contact address, for staff and the mails only. */
    public String getEmail() {
        return email;
    }

    public String getEmailDomain() {
        return emailDomain;
    }

    public Language getLanguage() {
        return language;
    }

    public String getNameKey() {
        return nameKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public boolean isNamePublic() {
        return namePublic;
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
