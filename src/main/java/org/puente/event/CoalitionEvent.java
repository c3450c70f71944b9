package org.puente.event;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.puente.organization.Organization;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.RichText;

/**
 * A gathering a member organization (or the coalition itself, with no organization) invites the public
 * to: a vigil, a day of prayer, a training, a rally.
 *
 * <p>Lifecycle: {@code DRAFT → IN_REVIEW → PUBLISHED → CANCELLED}; an event is past once it has ended.
 * Hosts write freely in a draft; once published, a change of time or place raises {@link #getSequence()}
 * (so calendars update the entry they have instead of adding another) and the service tells confirmed
 * attendees. Start and end are instants; {@link #getZone()} is the zone the event happens in, so a
 * daylight-saving change never moves it.
 */
@Entity
@Table(name = "coalition_event")
@NamedQuery(
        name = "CoalitionEvent.findVisibleBySlug",
        query = "select e from CoalitionEvent e where e.slug = :slug and e.state in :states")
@NamedQuery(
        name = "CoalitionEvent.findUpcoming",
        query = "select e from CoalitionEvent e where e.state in :states and e.endsAt > :now order by e.startsAt, e.id")
@NamedQuery(
        name = "CoalitionEvent.findPast",
        query = "select e from CoalitionEvent e where e.state = org.puente.event.EventState.PUBLISHED "
                + "and e.endsAt <= :now and e.endsAt > :since order by e.startsAt desc, e.id desc")
@NamedQuery(name = "CoalitionEvent.findBySlug", query = "select e from CoalitionEvent e where e.slug = :slug")
@NamedQuery(
        name = "CoalitionEvent.findAllNewestFirst",
        query = "select e from CoalitionEvent e order by e.startsAt desc, e.id desc")
@NamedQuery(
        name = "CoalitionEvent.findByOrganizations",
        query = "select distinct e from CoalitionEvent e left join e.cohosts c "
                + "where e.organization in :organizations or c in :organizations order by e.startsAt desc, e.id desc")
@NamedQuery(
        name = "CoalitionEvent.findInReview",
        query =
                "select e from CoalitionEvent e where e.state = org.puente.event.EventState.IN_REVIEW order by e.updatedAt")
public class CoalitionEvent {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 500;
    static final int DESCRIPTION_MAX = 20_000;
    public static final int CAPACITY_MAX = 100_000;
    public static final int GUESTS_MAX = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    /** The host; null when the coalition itself hosts. */
    @ManyToOne
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @ManyToMany
    @JoinTable(
            name = "coalition_event_cohost",
            joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "organization_id"))
    private Set<Organization> cohosts = new HashSet<>();

    /** The co-hosts as a page shows them, taken once while the event is read for caching. */
    @jakarta.persistence.Transient
    private transient List<Organization> cohostsByName;

    @Column(nullable = false)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    private EventType type;

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
        @AttributeOverride(name = "en", column = @Column(name = "description_en")),
        @AttributeOverride(name = "es", column = @Column(name = "description_es"))
    })
    private LocalizedText description;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Attendance attendance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LocationDisclosure disclosure;

    @Embedded
    private EventPlace place;

    private Integer capacity;

    @Column(name = "max_guests")
    private int maxGuests;

    /** Hours before the start of a second reminder, after the one a day before; null for none. */
    @Column(name = "second_reminder_hours")
    private Integer secondReminderHours;

    @Column(name = "ask_phone")
    private boolean askPhone;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "notes_en")),
        @AttributeOverride(name = "es", column = @Column(name = "notes_es"))
    })
    private LocalizedText notes;

    private String languages;

    private boolean interpretation;

    private String contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EventState state;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "cancel_note")
    private String cancelNote;

    /** iCalendar's SEQUENCE: raised on every change of time, place or status that attendees must hear of. */
    @Column(name = "sequence_no")
    private int sequence;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "image_alt_en")),
        @AttributeOverride(name = "es", column = @Column(name = "image_alt_es"))
    })
    private LocalizedText imageAlt;

    @Column(name = "image_updated_at")
    private Instant imageUpdatedAt;

    protected CoalitionEvent() {}

    /** A new draft, hosted by an organization or (with null) by the coalition. */
    public CoalitionEvent(Organization organization, String slug, EventDetails details, Instant now) {
        this.organization = organization;
        this.slug = slug;
        this.state = EventState.DRAFT;
        this.createdAt = now;
        write(details, now);
    }

    /** What a change to a published event means for the people who registered. */
    public enum Change {
        NONE,
        DETAILS,
        TIME_OR_PLACE
    }

    /**
     * The host changes the event. In a draft anything goes; once published, the change is made and the
     * caller learns whether attendees must be told (the time or the place moved). A cancelled event is
     * not changed.
     */
    public Change revise(EventDetails details, Instant now) {
        if (state == EventState.CANCELLED) {
            throw new IllegalStateException("event " + slug + " is cancelled");
        }
        boolean moved = !details.startsAt().equals(startsAt)
                || !details.endsAt().equals(endsAt)
                || !details.zone().getId().equals(timeZone)
                || details.attendance() != attendance
                || !details.place().sameWhereabouts(place);
        write(details, now);
        if (state != EventState.PUBLISHED) {
            return Change.NONE;
        }
        if (moved) {
            sequence++;
            return Change.TIME_OR_PLACE;
        }
        return Change.DETAILS;
    }

    private void write(EventDetails written, Instant now) {
        if (written.type() == null) {
            throw new IllegalArgumentException("an event needs a type");
        }
        EventDetails details = written.keptByType();
        if (details.title() == null || details.title().isEmpty()) {
            throw new IllegalArgumentException("an event needs a title");
        }
        if (!details.endsAt().isAfter(details.startsAt())) {
            throw new IllegalArgumentException("an event ends after it starts");
        }
        if (details.capacity() != null && (details.capacity() < 1 || details.capacity() > CAPACITY_MAX)) {
            throw new IllegalArgumentException("capacity out of range");
        }
        if (details.maxGuests() < 0 || details.maxGuests() > GUESTS_MAX) {
            throw new IllegalArgumentException("guests out of range");
        }
        this.type = details.type();
        this.title = details.title();
        this.summary = details.summary();
        this.description = new LocalizedText(
                RichText.sanitize(details.description().en()),
                RichText.sanitize(details.description().es()));
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt();
        this.timeZone = details.zone().getId();
        this.attendance = details.attendance();
        this.disclosure = details.disclosure();
        this.place = details.place();
        this.capacity = details.capacity();
        this.maxGuests = details.maxGuests();
        this.secondReminderHours = details.secondReminderHours();
        this.askPhone = details.askPhone();
        this.notes = details.notes();
        this.languages = details.languages();
        this.interpretation = details.interpretation();
        this.contact = details.contact();
        this.updatedAt = now;
    }

    /** The picture's description for people who cannot see it, in both languages. */
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

    /** The picture's address, changing whenever the picture does (so no cache serves an old one). */
    public String getImagePath() {
        return imageUpdatedAt == null ? null : "/event-images/" + id + "?v=" + imageUpdatedAt.toEpochMilli();
    }

    public LocalizedText getImageAlt() {
        return imageAlt == null ? LocalizedText.empty() : imageAlt;
    }

    /** Co-hosts are other member organizations; the host itself is never listed twice. */
    public void cohostedBy(Collection<Organization> organizations, Instant now) {
        cohosts.clear();
        cohostsByName = null;
        organizations.stream().filter(o -> !o.equals(organization)).forEach(cohosts::add);
        this.updatedAt = now;
    }

    public void submitForReview(Instant now) {
        move(EventState.DRAFT, EventState.IN_REVIEW, now);
        this.rejectionReason = null;
    }

    /** Staff send an event in review back to its host, saying why. */
    public void reject(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        move(EventState.IN_REVIEW, EventState.DRAFT, now);
        this.rejectionReason = reason.strip();
    }

    /** Staff approve an event in review (or publish a trusted host's or their own draft directly). */
    public void publish(Instant now) {
        if (state != EventState.IN_REVIEW && state != EventState.DRAFT) {
            throw new IllegalStateException("event " + slug + " is " + state);
        }
        this.state = EventState.PUBLISHED;
        this.rejectionReason = null;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    /** The host calls it off; everyone registered is told, with the host's note. */
    public void cancel(String note, Instant now) {
        move(EventState.PUBLISHED, EventState.CANCELLED, now);
        this.cancelNote = note == null || note.isBlank() ? null : note.strip();
        this.sequence++;
    }

    /** The address changes only while nobody can have shared it: before it is published. */
    public void rename(String newSlug, Instant now) {
        if (state != EventState.DRAFT && state != EventState.IN_REVIEW) {
            throw new IllegalStateException("a published event keeps its address");
        }
        this.slug = newSlug;
        this.updatedAt = now;
    }

    private void move(EventState from, EventState to, Instant now) {
        if (state != from) {
            throw new IllegalStateException("event " + slug + " is " + state + ", not " + from);
        }
        this.state = to;
        this.updatedAt = now;
    }

    /** Over once it has ended. */
    public boolean isPast(Instant now) {
        return !endsAt.isAfter(now);
    }

    /** Published, not cancelled, not started yet: people may register. */
    public boolean takesRegistrations(Instant now) {
        return state == EventState.PUBLISHED && startsAt.isAfter(now);
    }

    /** Whether the street address and the online link are on the public page. */
    public boolean isAddressPublic() {
        return disclosure == LocationDisclosure.PUBLIC;
    }

    /** Whether a confirmed registration is enough to see the address (not so when the host approves people). */
    public boolean disclosesToConfirmed() {
        return disclosure != LocationDisclosure.AFTER_APPROVAL;
    }

    public boolean isLimited() {
        return capacity != null;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public ZonedDateTime getStart() {
        return startsAt.atZone(getZone());
    }

    public ZonedDateTime getEnd() {
        return endsAt.atZone(getZone());
    }

    public Duration getLength() {
        return Duration.between(startsAt, endsAt);
    }

    /**
     * Loads the co-hosts (a lazy collection) so that a page may show them after the transaction, from a
     * cached, detached event.
     */
    void loadCohosts() {
        cohostsByName = sortedCohosts();
    }

    /** Co-hosts by name (as loaded for reading, when they were). */
    public List<Organization> getCohostsByName() {
        return cohostsByName != null ? cohostsByName : sortedCohosts();
    }

    private List<Organization> sortedCohosts() {
        return cohosts.stream()
                .sorted(Comparator.comparing(Organization::getName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public boolean isDraft() {
        return state == EventState.DRAFT;
    }

    public boolean isInReview() {
        return state == EventState.IN_REVIEW;
    }

    public boolean isPublished() {
        return state == EventState.PUBLISHED;
    }

    public boolean isCancelled() {
        return state == EventState.CANCELLED;
    }

    public boolean isVisible() {
        return EventState.VISIBLE.contains(state);
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public Set<Organization> getCohosts() {
        return Set.copyOf(cohosts);
    }

    public String getSlug() {
        return slug;
    }

    public EventType getType() {
        return type;
    }

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getSummary() {
        return summary == null ? LocalizedText.empty() : summary;
    }

    public LocalizedText getDescription() {
        return description == null ? LocalizedText.empty() : description;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Attendance getAttendance() {
        return attendance;
    }

    public LocationDisclosure getDisclosure() {
        return disclosure;
    }

    public EventPlace getPlace() {
        return place;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public int getMaxGuests() {
        return maxGuests;
    }

    public Integer getSecondReminderHours() {
        return secondReminderHours;
    }

    public boolean isAskPhone() {
        return askPhone;
    }

    public LocalizedText getNotes() {
        return notes == null ? LocalizedText.empty() : notes;
    }

    public String getLanguages() {
        return languages;
    }

    public boolean isInterpretation() {
        return interpretation;
    }

    public String getContact() {
        return contact;
    }

    public EventState getState() {
        return state;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getCancelNote() {
        return cancelNote;
    }

    public int getSequence() {
        return sequence;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoalitionEvent other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return CoalitionEvent.class.hashCode();
    }
}
