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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.puente.organization.Organization;
import org.puente.platform.i18n.Language;
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
@NamedQuery(
        name = "Petition.findInReview",
        query =
                "select p from Petition p where p.state = org.puente.petition.PetitionState.IN_REVIEW order by p.updatedAt")
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

    /** The most characters a correction of an open petition may change in all its texts together. */
    public static final int MAX_CORRECTION = 80;

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 500;
    static final int TEXT_MAX = 20_000;

    /** What a correction changed: which texts, and how many characters in all. */
    public record Correction(List<PetitionField> fields, int changedCharacters) {}

    /**
     * Its authors fix a typo in an open petition: the texts people already signed may change by at most
     * {@value #MAX_CORRECTION} characters in all, no text that was there may be emptied, and the title stays.
     * Target, goal, address and co-sponsors do not change once people have signed.
     *
     * @throws CorrectionRefusedException when it is no small fix (nothing is changed then)
     */
    public Correction correct(LocalizedText newTitle, LocalizedText newSummary, LocalizedText newText, Instant now) {
        if (state != PetitionState.OPEN) {
            throw new IllegalStateException("only an open petition is corrected; petition " + slug + " is " + state);
        }
        LocalizedText sanitized = new LocalizedText(RichText.sanitize(newText.en()), RichText.sanitize(newText.es()));
        List<PetitionField> fields = new ArrayList<>();
        int changed = 0;
        for (Language language : Language.values()) {
            changed +=
                    compare(getTitle(), newTitle, language, PetitionField.title(language), TITLE_MAX, fields, changed);
            changed += compare(
                    getSummary(), newSummary, language, PetitionField.summary(language), SUMMARY_MAX, fields, changed);
            changed += compare(getText(), sanitized, language, PetitionField.text(language), TEXT_MAX, fields, changed);
        }
        if (fields.isEmpty()) {
            throw new CorrectionRefusedException("petition.correction.nothing");
        }
        this.title = newTitle;
        this.summary = newSummary;
        this.text = sanitized;
        this.updatedAt = now;
        return new Correction(List.copyOf(fields), changed);
    }

    /** How many characters one text changes; adds the field when it changed; refuses removals and large changes. */
    private static int compare(
            LocalizedText before,
            LocalizedText after,
            Language language,
            PetitionField field,
            int maxLength,
            List<PetitionField> fields,
            int changedSoFar) {
        String old = before.exactly(language);
        String now = after.exactly(language);
        if (Objects.equals(old, now)) {
            return 0;
        }
        if (old != null && now == null) {
            throw new CorrectionRefusedException("petition.correction.emptied");
        }
        if (now.length() > maxLength) {
            throw new CorrectionRefusedException("petition.correction.tooLong");
        }
        int budget = MAX_CORRECTION - changedSoFar;
        int distance = editDistance(old == null ? "" : old, now, budget);
        if (distance > budget) {
            throw new CorrectionRefusedException("petition.correction.tooLarge", MAX_CORRECTION);
        }
        fields.add(field);
        return distance;
    }

    /**
     * The Levenshtein distance between two texts, or {@code limit + 1} as soon as it is known to exceed
     * {@code limit}: the common start and end are skipped and only a band {@code limit} wide is computed, so a
     * typo in a long text costs its length times the limit, not its length squared.
     */
    static int editDistance(String a, String b, int limit) {
        int start = 0;
        int max = Math.min(a.length(), b.length());
        while (start < max && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        String s = a.substring(start, endA);
        String t = b.substring(start, endB);
        int n = s.length();
        int m = t.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        if (n == 0 || m == 0) {
            return Math.max(n, m);
        }
        int infinity = limit + 1;
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= limit ? j : infinity;
        }
        for (int i = 1; i <= n; i++) {
            Arrays.fill(current, infinity);
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            current[0] = i <= limit ? i : infinity;
            int best = current[0];
            for (int j = from; j <= to; j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                int value = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
                current[j] = Math.min(value, infinity);
                best = Math.min(best, current[j]);
            }
            if (best > limit) {
                return infinity;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[m], infinity);
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
