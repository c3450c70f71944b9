package org.puente.petition;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.EmailAddresses;

/**
 * One person's signature on one petition.
 *
 * <p>It is created {@code PENDING} with a confirmation link mailed to the signer (only the token's hash
 * is kept); following the link and pressing the button confirms it once, and the token is then
 * forgotten. Signing again with the same canonical address mails a fresh link, at most
 * {@value #MAX_MAILS} mails in all, and never creates a second signature.
 *
 * <p>A submission that trips an abuse check is kept <em>held</em> ({@link HoldReason}): no mail goes out
 * and it cannot be confirmed, so it never counts, until staff release it (then its confirmation mail is
 * sent) or discard it.
 */
@Entity
@Table(name = "signature")
@NamedQuery(
        name = "Signature.findByPetitionAndCanonicalEmail",
        query = "select s from Signature s where s.petition.id = :petitionId and s.emailCanonical = :email")
@NamedQuery(
        name = "Signature.findConfirmedByPetitionAfter",
        query = "select s from Signature s where s.petition.id = :petitionId "
                + "and s.state = org.puente.petition.SignatureState.CONFIRMED and s.id > :after order by s.id")
@NamedQuery(
        name = "Signature.findBySignerNewestFirst",
        query = "select s from Signature s join fetch s.petition where s.emailCanonical = :email order by s.id desc")
@NamedQuery(
        name = "Signature.findCommentsNewestFirst",
        query = "select s from Signature s where s.petition.id = :petitionId "
                + "and s.state = org.puente.petition.SignatureState.CONFIRMED and s.comment is not null "
                + "and (:withHidden = true or s.commentHidden = false) order by s.confirmedAt desc, s.id desc")
@NamedQuery(name = "Signature.findByTokenHash", query = "select s from Signature s where s.tokenHash = :hash")
@NamedQuery(
        name = "Signature.findHeld",
        query = "select s from Signature s where s.petition.id = :petitionId and s.holdReason = :reason order by s.id")
@NamedQuery(
        name = "Signature.countHeldByReason",
        query = "select s.holdReason, count(s) from Signature s where s.petition.id = :petitionId "
                + "and s.holdReason is not null group by s.holdReason")
@NamedQuery(
        name = "Signature.discardHeld",
        query = "delete from Signature s where s.petition.id = :petitionId and s.holdReason = :reason "
                + "and s.state = org.puente.petition.SignatureState.PENDING")
@NamedQuery(
        name = "Signature.countConfirmed",
        query = "select count(s) from Signature s where s.petition.id = :petitionId "
                + "and s.state = org.puente.petition.SignatureState.CONFIRMED")
public class Signature {

    public static final Duration LINK_LIFETIME = Duration.ofDays(7);
    public static final int MAX_MAILS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "petition_id")
    private Petition petition;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_canonical", nullable = false)
    private String emailCanonical;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false, length = 2)
    private Language language;

    private String comment;

    /** Staff hid the comment: it shows neither on the petition's page nor in its delivery. */
    @Column(name = "comment_hidden")
    private boolean commentHidden;

    @Column(name = "alerts_consent")
    private boolean alertsConsent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignatureState state;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "token_expires_at")
    private Instant tokenExpiresAt;

    @Column(name = "mails_sent")
    private int mailsSent;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "source_ip", updatable = false)
    private String sourceIp;

    /** What the rate limits count the signer's address under: an IPv6 address's /64. */
    @Column(name = "source_key", updatable = false)
    private String sourceKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "hold_reason")
    private HoldReason holdReason;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected Signature() {}

    /**
     * @param tokenHash  the confirmation link's hash, ignored when the signature is held
     * @param sourceIp   the signer's address, or null
     * @param sourceKey  what the rate limits count that address under, or null
     * @param holdReason why the signature is held back, or null for an ordinary one
     */
    public Signature(
            Petition petition,
            SignatureForm form,
            String tokenHash,
            Instant now,
            String sourceIp,
            String sourceKey,
            HoldReason holdReason) {
        this.petition = petition;
        this.firstName = form.getFirstName().strip();
        this.lastName = form.getLastName().strip();
        this.email = form.getEmail().strip();
        this.emailCanonical = EmailAddresses.canonical(form.getEmail());
        this.postalCode = blankToNull(form.getPostalCode());
        this.country = form.getCountry().strip().toUpperCase(Locale.ROOT);
        this.language = form.getLanguage();
        this.comment = blankToNull(form.getComment());
        this.alertsConsent = form.isAlertsConsent();
        this.state = SignatureState.PENDING;
        this.createdAt = now;
        this.sourceIp = sourceIp;
        this.sourceKey = sourceKey;
        this.holdReason = holdReason;
        if (holdReason == null) {
            this.tokenHash = tokenHash;
            this.tokenExpiresAt = linkExpiry(now);
            this.mailsSent = 1;
        }
    }

    /**
     * The same person signed again while pending (a double click, a second visit): one more mail, a few at
     * most, never after confirming. The mail carries the same link while it has at least half its lifetime
     * left, so that every mail in the person's inbox confirms the same signature; only an old link is renewed
     * (and stops working). The caller then stamps the link's hash with {@link #linkTo}.
     *
     * @return whether a mail should go out
     */
    public boolean remind(Instant now) {
        if (state == SignatureState.CONFIRMED || holdReason != null || mailsSent >= MAX_MAILS) {
            return false;
        }
        if (tokenExpiresAt == null || Duration.between(now, tokenExpiresAt).compareTo(LINK_LIFETIME.dividedBy(2)) < 0) {
            this.tokenExpiresAt = linkExpiry(now);
        }
        this.mailsSent++;
        return true;
    }

    /** The hash of the link that now confirms this signature (made from the signature and its expiry). */
    public void linkTo(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    /** When a link issued at that moment stops working. */
    public static Instant linkExpiry(Instant issued) {
        return issued.plus(LINK_LIFETIME);
    }

    /** What a confirmation link that names this signature can still do. */
    public LinkState linkState(Instant now) {
        if (state == SignatureState.CONFIRMED) {
            return LinkState.CONFIRMED;
        }
        if (holdReason != null || tokenExpiresAt == null) {
            return LinkState.HELD;
        }
        return now.isBefore(tokenExpiresAt) ? LinkState.USABLE : LinkState.EXPIRED;
    }

    /** What a confirmation link finds: a signature to confirm, one already counted, or an expired link. */
    public enum LinkState {
        USABLE,
        CONFIRMED,
        EXPIRED,
        HELD
    }

    /**
     * Staff judged a held signature genuine: it gets its confirmation link now and counts once confirmed.
     *
     * @return whether the signature was held (and a confirmation mail should go out with a new link, stamped
     *         with {@link #linkTo})
     */
    public boolean release(Instant now) {
        if (holdReason == null || state != SignatureState.PENDING) {
            return false;
        }
        this.holdReason = null;
        this.tokenExpiresAt = linkExpiry(now);
        this.mailsSent = 1;
        return true;
    }

    /** Confirms once; an expired link, a held or an already confirmed signature confirms nothing. */
    public boolean confirm(Instant now) {
        if (state == SignatureState.CONFIRMED
                || holdReason != null
                || tokenExpiresAt == null
                || !now.isBefore(tokenExpiresAt)) {
            return false;
        }
        this.state = SignatureState.CONFIRMED;
        this.confirmedAt = now;
        // The link keeps its hash: followed again, it finds the signature and says that it counts.
        this.tokenExpiresAt = null;
        return true;
    }

    public boolean isLinkUsable(Instant now) {
        return state == SignatureState.PENDING && tokenExpiresAt != null && now.isBefore(tokenExpiresAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getEmailCanonical() {
        return emailCanonical;
    }

    public Instant getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    public Petition getPetition() {
        return petition;
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

    public String getComment() {
        return comment;
    }

    /** Staff hide (or show again) what the signer wrote; the signature itself still counts. */
    public void hideComment(boolean hidden) {
        this.commentHidden = hidden;
    }

    public boolean isCommentHidden() {
        return commentHidden;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getEmail() {
        return email;
    }

    public Language getLanguage() {
        return language;
    }

    public SignatureState getState() {
        return state;
    }

    public HoldReason getHoldReason() {
        return holdReason;
    }

    public boolean isAlertsConsent() {
        return alertsConsent;
    }
}
