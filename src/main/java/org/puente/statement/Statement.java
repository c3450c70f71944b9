package org.puente.statement;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.puente.account.Account;
import org.puente.organization.Organization;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.RichText;

/**
 * A joint statement: a preamble, numbered demands and a closing, in English and Spanish, led by a member
 * organization (with co-leads) or by the coalition itself, signed by organizations.
 *
 * <p>Lifecycle: {@code DRAFT → IN_REVIEW → OPEN → CLOSED → RELEASED → ARCHIVED}. Staff send a statement in
 * review back to its leads with a reason (a draft again), or open it; a statement without a sign-on
 * phase goes from review straight to released. The text a signature endorsed is its
 * {@link #getTextVersion() version}.
 */
@Entity
@Table(name = "statement")
@NamedQuery(
        name = "Statement.findBySlugInStates",
        query = "select s from Statement s where s.slug = :slug and s.state in :states")
@NamedQuery(
        name = "Statement.findInStates",
        query = "select s from Statement s where s.state in :states order by coalesce(s.releasedAt, s.openedAt) desc")
@NamedQuery(name = "Statement.findBySlug", query = "select s from Statement s where s.slug = :slug")
@NamedQuery(name = "Statement.findAllNewestFirst", query = "select s from Statement s order by s.createdAt desc")
@NamedQuery(
        name = "Statement.findByOrganizations",
        query = "select distinct s from Statement s left join s.coleads c where s.organization in :organizations "
                + "or c in :organizations order by s.createdAt desc")
public class Statement {

    /** The most demands a statement holds (a page of them is already a lot to deliver). */
    public static final int MAX_DEMANDS = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    /** The lead organization, or null when the coalition itself speaks. */
    @ManyToOne
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @ManyToMany
    @JoinTable(
            name = "statement_colead",
            joinColumns = @JoinColumn(name = "statement_id"),
            inverseJoinColumns = @JoinColumn(name = "organization_id"))
    private Set<Organization> coleads = new HashSet<>();

    @Column(nullable = false)
    private String slug;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "title_en")),
        @AttributeOverride(name = "es", column = @Column(name = "title_es"))
    })
    private LocalizedText title;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "summary_en")),
        @AttributeOverride(name = "es", column = @Column(name = "summary_es"))
    })
    private LocalizedText summary;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "preamble_en")),
        @AttributeOverride(name = "es", column = @Column(name = "preamble_es"))
    })
    private LocalizedText preamble;

    @ElementCollection
    @CollectionTable(name = "statement_demand", joinColumns = @JoinColumn(name = "statement_id"))
    @OrderColumn(name = "position")
    private List<Demand> demands = new ArrayList<>();

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "closing_en")),
        @AttributeOverride(name = "es", column = @Column(name = "closing_es"))
    })
    private LocalizedText closing;

    /** Issue tags, comma-separated, lower case. */
    private String tags;

    /** Countries it concerns, comma-separated ISO codes. */
    private String countries;

    @Column(name = "media_name")
    private String mediaName;

    @Column(name = "media_organization")
    private String mediaOrganization;

    @Column(name = "media_email")
    private String mediaEmail;

    @Column(name = "media_phone")
    private String mediaPhone;

    @Column(name = "release_date")
    private LocalDate releaseDate;

    @Column(name = "deadline_at")
    private Instant deadline;

    @Column(name = "deadline_zone")
    private String deadlineZone;

    @Column(name = "sign_on", nullable = false)
    private boolean signOn;

    /** Whether people may sign for themselves too (shown apart from the organizations, names optional). */
    private boolean individuals;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StatementState state;

    @Column(name = "text_version", nullable = false)
    private int textVersion;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "created_by", nullable = false, updatable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    protected Statement() {}

    /** A new draft, led by {@code organization} (null: the coalition). */
    public Statement(Organization organization, String slug, Account author, StatementText text, Instant now) {
        this.organization = organization;
        this.slug = slug;
        this.createdBy = author.getId();
        this.createdAt = now;
        this.state = StatementState.DRAFT;
        this.textVersion = 1;
        write(text, now);
    }

    /**
     * The leads rewrite a draft (also one staff sent back). Checked whole: a title, at least one demand and
     * none empty, a deadline after now.
     *
     * @throws FieldRefusedException naming the field that does not hold
     */
    public final void write(StatementText text, Instant now) {
        if (state != StatementState.DRAFT) {
            throw new IllegalStateException("statement " + slug + " is " + state + ", not a draft");
        }
        apply(text, now);
    }

    /**
     * The leads (or staff) change an open statement. A change of its preamble or demands after
     * organizations signed makes a new version of the text, unless staff mark it editorial (a typo); the
     * signatures of the older version stand for that version only.
     *
     * @param signed whether any organization's signature stands
     * @return true when this made a new version
     */
    public boolean amend(StatementText text, boolean editorial, boolean signed, Instant now) {
        if (state != StatementState.OPEN) {
            throw new IllegalStateException("statement " + slug + " is " + state + ", not open");
        }
        LocalizedText preambleBefore = getPreamble();
        List<Demand> demandsBefore = getDemands();
        apply(text, now);
        boolean substantive = !preambleBefore.equals(getPreamble()) || !demandsBefore.equals(getDemands());
        if (substantive && signed && !editorial) {
            textVersion++;
            return true;
        }
        return false;
    }

    private void apply(StatementText text, Instant now) {
        List<Demand> given = text.demands() == null ? List.of() : text.demands();
        if (given.isEmpty()) {
            throw new FieldRefusedException("demands", "statement.demands.none");
        }
        if (given.size() > MAX_DEMANDS) {
            throw new FieldRefusedException("demands", "statement.demands.tooMany");
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i).isEmpty()) {
                throw new FieldRefusedException("demands", "statement.demand.empty", i + 1);
            }
        }
        if (text.signOn() && text.deadline() != null && !text.deadline().isAfter(now)) {
            throw new FieldRefusedException("deadline", "statement.deadline.past");
        }
        this.title = text.title();
        this.summary = text.summary();
        this.preamble = sanitized(text.preamble());
        this.closing = sanitized(text.closing());
        this.demands.clear();
        this.demands.addAll(given);
        this.tags = joined(text.tags());
        this.countries = joined(text.countries());
        StatementText.MediaContact media = text.media();
        this.mediaName = media == null ? null : blankToNull(media.name());
        this.mediaOrganization = media == null ? null : blankToNull(media.organization());
        this.mediaEmail = media == null ? null : blankToNull(media.email());
        this.mediaPhone = media == null ? null : blankToNull(media.phone());
        this.releaseDate = text.releaseDate();
        this.deadline = text.signOn() ? text.deadline() : null;
        this.deadlineZone = text.signOn() && text.deadline() != null ? text.deadlineZone() : null;
        this.signOn = text.signOn();
        this.individuals = text.signOn() && text.individuals();
        this.updatedAt = now;
    }

    private static LocalizedText sanitized(LocalizedText text) {
        return text == null
                ? LocalizedText.empty()
                : new LocalizedText(RichText.sanitize(text.en()), RichText.sanitize(text.es()));
    }

    private static String joined(List<String> values) {
        if (values == null) {
            return null;
        }
        String joined = String.join(
                ",",
                values.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList());
        return joined.isEmpty() ? null : joined;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Co-leads are other member organizations; the lead is never listed twice. */
    public void coledBy(Collection<Organization> organizations, Instant now) {
        coleads.clear();
        organizations.stream().filter(o -> !o.equals(organization)).forEach(coleads::add);
        this.updatedAt = now;
    }

    public void submitForReview(Instant now) {
        move(StatementState.DRAFT, StatementState.IN_REVIEW, now);
        this.rejectionReason = null;
    }

    /** Staff send a statement in review back to its leads, saying why. */
    public void sendBack(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("sending back needs a reason");
        }
        move(StatementState.IN_REVIEW, StatementState.DRAFT, now);
        this.rejectionReason = reason.strip();
    }

    /**
     * Staff approve a statement in review (or publish their own draft): it opens for sign-on, or, without a
     * sign-on phase, is released at once.
     */
    public void approve(Instant now) {
        if (state != StatementState.IN_REVIEW && state != StatementState.DRAFT) {
            throw new IllegalStateException("statement " + slug + " is " + state);
        }
        this.rejectionReason = null;
        this.openedAt = now;
        this.updatedAt = now;
        if (signOn) {
            this.state = StatementState.OPEN;
        } else {
            this.state = StatementState.RELEASED;
            this.releasedAt = now;
        }
    }

    /** Sign-on ends (by hand, or its deadline passed): the list of signatories is final. */
    public void close(Instant now) {
        move(StatementState.OPEN, StatementState.CLOSED, now);
        this.closedAt = now;
    }

    /** Made public with its final signatories (closing sign-on first if it was still open). */
    public void release(Instant now) {
        if (state == StatementState.OPEN) {
            close(now);
        }
        move(StatementState.CLOSED, StatementState.RELEASED, now);
        this.releasedAt = now;
    }

    public void archive(Instant now) {
        move(StatementState.RELEASED, StatementState.ARCHIVED, now);
    }

    private void move(StatementState from, StatementState to, Instant now) {
        if (state != from) {
            throw new IllegalStateException("statement " + slug + " is " + state + ", not " + from);
        }
        this.state = to;
        this.updatedAt = now;
    }

    /** Organizations may sign now: open, and its deadline (if any) not passed. */
    public boolean takesSignatures(Instant now) {
        return state == StatementState.OPEN && (deadline == null || now.isBefore(deadline));
    }

    /** Whether {@code organization} leads or co-leads it. */
    public boolean isLedBy(Organization candidate) {
        return candidate != null
                && (candidate == organization || candidate.equals(organization) || coleads.contains(candidate));
    }

    /** Whether the account may edit it: an editor of a lead or co-lead organization (staff are checked by the service). */
    public boolean mayBeEditedBy(Account account) {
        return organization != null && organization.mayBeEditedBy(account)
                || coleads.stream().anyMatch(o -> o.mayBeEditedBy(account));
    }

    public boolean isPublic() {
        return StatementState.PUBLIC.contains(state);
    }

    public boolean isDraft() {
        return state == StatementState.DRAFT;
    }

    public boolean isInReview() {
        return state == StatementState.IN_REVIEW;
    }

    public boolean isOpen() {
        return state == StatementState.OPEN;
    }

    public boolean isClosed() {
        return state == StatementState.CLOSED;
    }

    public boolean isReleased() {
        return state == StatementState.RELEASED;
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public List<Organization> getColeads() {
        return coleads.stream()
                .sorted(java.util.Comparator.comparing(Organization::getName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public String getSlug() {
        return slug;
    }

    public LocalizedText getTitle() {
        return title == null ? LocalizedText.empty() : title;
    }

    public LocalizedText getSummary() {
        return summary == null ? LocalizedText.empty() : summary;
    }

    public LocalizedText getPreamble() {
        return preamble == null ? LocalizedText.empty() : preamble;
    }

    public List<Demand> getDemands() {
        return List.copyOf(demands);
    }

    public LocalizedText getClosing() {
        return closing == null ? LocalizedText.empty() : closing;
    }

    public List<String> getTags() {
        return split(tags);
    }

    public List<String> getCountries() {
        return split(countries);
    }

    public StatementText.MediaContact getMedia() {
        return mediaName == null && mediaOrganization == null && mediaEmail == null && mediaPhone == null
                ? null
                : new StatementText.MediaContact(mediaName, mediaOrganization, mediaEmail, mediaPhone);
    }

    public LocalDate getReleaseDate() {
        return releaseDate;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public String getDeadlineZone() {
        return deadlineZone;
    }

    public boolean isIndividuals() {
        return individuals;
    }

    public boolean isSignOn() {
        return signOn;
    }

    public StatementState getState() {
        return state;
    }

    public int getTextVersion() {
        return textVersion;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Statement other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
