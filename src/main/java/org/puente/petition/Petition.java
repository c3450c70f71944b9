package org.puente.petition;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.puente.organization.Organization;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.RichText;

/**
 * A petition a member organization addresses to a target, signed by the public.
 *
 * <p>Lifecycle: {@code DRAFT → IN_REVIEW → OPEN → CLOSED → ARCHIVED}. Only an open petition whose end
 * date has not passed is signable; closing stops signing at once. The full text is stored already
 * sanitized ({@link org.puente.platform.web.RichText}), so pages may render it as markup.
 */
@Entity
@Table(name = "petition")
@NamedQuery(
        name = "Petition.findVisibleBySlug",
        query = "select p from Petition p where p.slug = :slug and p.state in :states")
@NamedQuery(
        name = "Petition.findOpen",
        query =
                "select p from Petition p where p.state = org.puente.petition.PetitionState.OPEN order by p.openedAt desc")
@NamedQuery(name = "Petition.findBySlug", query = "select p from Petition p where p.slug = :slug")
@NamedQuery(name = "Petition.countBySlug", query = "select count(p) from Petition p where p.slug = :slug")
@NamedQuery(name = "Petition.findAllNewestFirst", query = "select p from Petition p order by p.createdAt desc")
@NamedQuery(
        name = "Petition.findByOrganizations",
        query = "select p from Petition p where p.organization in :organizations order by p.createdAt desc")
public class Petition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Column(nullable = false)
    private String slug;

    /** Other member organizations that put their name to the petition; shown on its page. */
    @ManyToMany
    @JoinTable(
            name = "petition_cosponsor",
            joinColumns = @JoinColumn(name = "petition_id"),
            inverseJoinColumns = @JoinColumn(name = "organization_id"))
    private Set<Organization> cosponsors = new HashSet<>();

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "image_alt_en")),
        @AttributeOverride(name = "es", column = @Column(name = "image_alt_es"))
    })
    private LocalizedText imageAlt;

    @Column(name = "image_updated_at")
    private Instant imageUpdatedAt;

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
        @AttributeOverride(name = "en", column = @Column(name = "text_en")),
        @AttributeOverride(name = "es", column = @Column(name = "text_es"))
    })
    private LocalizedText text;

    /** To whom the petition is addressed; the English one keeps the column it had before there were two. */
    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "target")),
        @AttributeOverride(name = "es", column = @Column(name = "target_es"))
    })
    private LocalizedText target;

    private int goal;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PetitionState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "signing_paused")
    private boolean signingPaused;

    protected Petition() {}

    /** A new draft. */
    public Petition(
            Organization organization,
            String slug,
            LocalizedText title,
            LocalizedText summary,
            LocalizedText text,
            LocalizedText target,
            int goal,
            LocalDate endDate,
            Instant now) {
        this.organization = organization;
        this.slug = slug;
        this.state = PetitionState.DRAFT;
        this.createdAt = now;
        write(title, summary, text, target, goal, endDate, now);
    }

    /** Authors change a petition only while it is a draft (also after staff sent it back). */
    public void revise(
            LocalizedText title,
            LocalizedText summary,
            LocalizedText text,
            LocalizedText target,
            int goal,
            LocalDate endDate,
            Instant now) {
        requireDraft();
        write(title, summary, text, target, goal, endDate, now);
    }

    /** The address changes only while nobody can have shared it: in a draft. */
    public void rename(String newSlug, Instant now) {
        requireDraft();
        this.slug = newSlug;
        this.updatedAt = now;
    }

    /** Co-sponsors are other organizations; the sponsor itself is never listed twice. */
    public void cosponsoredBy(Collection<Organization> organizations, Instant now) {
        requireDraft();
        cosponsors.clear();
        organizations.stream().filter(o -> !o.equals(organization)).forEach(cosponsors::add);
        this.updatedAt = now;
    }

    public void describeImage(LocalizedText alt) {
        this.imageAlt = alt;
    }

    /** Records that the picture changed (or, with null, was removed). */
    void imageChanged(Instant at) {
        this.imageUpdatedAt = at;
    }

    public boolean isHasImage() {
        return imageUpdatedAt != null;
    }

    /** The picture's address within the portal, changing whenever the picture does (so caches never serve an old one). */
    public String getImagePath() {
        return imageUpdatedAt == null ? null : "/petition-images/" + id + "?v=" + imageUpdatedAt.toEpochMilli();
    }

    private void requireDraft() {
        if (state != PetitionState.DRAFT) {
            throw new IllegalStateException("only a draft can be changed; petition " + slug + " is " + state);
        }
    }

    /** The authors' content, checked and with the text sanitized whatever the caller passes. */
    private void write(
            LocalizedText title,
            LocalizedText summary,
            LocalizedText text,
            LocalizedText target,
            int goal,
            LocalDate endDate,
            Instant now) {
        if (title.isEmpty() || target == null || target.isEmpty() || goal <= 0) {
            throw new IllegalArgumentException("a petition needs a title, a target and a positive goal");
        }
        this.title = title;
        this.summary = summary;
        this.text = new LocalizedText(RichText.sanitize(text.en()), RichText.sanitize(text.es()));
        this.target = target;
        this.goal = goal;
        this.endDate = endDate;
        this.updatedAt = now;
    }

    public void submitForReview(Instant now) {
        move(PetitionState.DRAFT, PetitionState.IN_REVIEW, now);
        this.rejectionReason = null;
    }

    /** Staff send a petition in review back to its authors, saying why. */
    public void reject(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        move(PetitionState.IN_REVIEW, PetitionState.DRAFT, now);
        this.rejectionReason = reason.strip();
    }

    /** Staff approve a petition in review; it opens for signatures at once. */
    public void approve(Instant now) {
        move(PetitionState.IN_REVIEW, PetitionState.OPEN, now);
        this.openedAt = now;
    }

    public void close(Instant now) {
        move(PetitionState.OPEN, PetitionState.CLOSED, now);
        this.closedAt = now;
    }

    public void archive(Instant now) {
        move(PetitionState.CLOSED, PetitionState.ARCHIVED, now);
    }

    private void move(PetitionState from, PetitionState to, Instant now) {
        if (state != from) {
            throw new IllegalStateException("petition " + slug + " is " + state + ", not " + from);
        }
        this.state = to;
        this.updatedAt = now;
    }

    /** Staff stop signing on an open petition for a while (an attack, a correction), then resume it. */
    public void pauseSigning(Instant now) {
        if (state != PetitionState.OPEN) {
            throw new IllegalStateException("only an open petition can be paused");
        }
        this.signingPaused = true;
        this.updatedAt = now;
    }

    public void resumeSigning(Instant now) {
        this.signingPaused = false;
        this.updatedAt = now;
    }

    public boolean isSigningPaused() {
        return signingPaused;
    }

    /**
     * Whether a signature may be taken now: open, not paused, and its end date (inclusive, UTC) not
     * passed. A site-wide pause is the coalition's, checked by the service.
     */
    public boolean isSignable(Instant now) {
        return PetitionState.SIGNABLE.contains(state)
                && !signingPaused
                && (endDate == null || !LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(endDate));
    }

    /** Percentage of the goal reached, 0–100, for the progress bar. */
    public int percentOfGoal(long confirmed) {
        return (int) Math.min(100, confirmed * 100 / goal);
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getSlug() {
        return slug;
    }

    /** Co-sponsors in name order. */
    public List<Organization> getCosponsors() {
        return cosponsors.stream()
                .sorted(Comparator.comparing(Organization::getName))
                .toList();
    }

    public LocalizedText getImageAlt() {
        return imageAlt == null ? LocalizedText.empty() : imageAlt;
    }

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getSummary() {
        return summary == null ? LocalizedText.empty() : summary;
    }

    public LocalizedText getText() {
        return text == null ? LocalizedText.empty() : text;
    }

    public LocalizedText getTarget() {
        return target == null ? LocalizedText.empty() : target;
    }

    public int getGoal() {
        return goal;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public PetitionState getState() {
        return state;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public boolean isDraft() {
        return state == PetitionState.DRAFT;
    }

    public boolean isInReview() {
        return state == PetitionState.IN_REVIEW;
    }

    /** Open or closed: readable by the public, with signatures to deliver. */
    public boolean isVisible() {
        return PetitionState.VISIBLE.contains(state);
    }

    public boolean isOpen() {
        return state == PetitionState.OPEN;
    }

    public boolean isClosed() {
        return state == PetitionState.CLOSED;
    }

    public boolean isArchived() {
        return state == PetitionState.ARCHIVED;
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
}
