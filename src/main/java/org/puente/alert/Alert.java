package org.puente.alert;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.RichText;

/**
 * An action alert: one message written in English and Spanish side by side, sent to a snapshot of its
 * audience. Each recipient gets the version in their language; an alert with one language missing goes
 * out only when staff explicitly chose to send the other version to everyone ({@link #getOnlyLanguage}).
 * The body is stored already sanitized ({@link RichText}).
 */
@Entity
@Table(name = "alert")
@NamedQuery(
        name = "Alert.findAllNewestFirst",
        query = "select a from Alert a where a.audienceEventId is null order by a.createdAt desc")
@NamedQuery(name = "Alert.countAll", query = "select count(a) from Alert a where a.audienceEventId is null")
@NamedQuery(
        name = "Alert.findByEvent",
        query = "select a from Alert a where a.audienceEventId = :eventId order by a.createdAt desc, a.id desc")
public class Alert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "subject_en")),
        @AttributeOverride(name = "es", column = @Column(name = "subject_es"))
    })
    private LocalizedText subject;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "preheader_en")),
        @AttributeOverride(name = "es", column = @Column(name = "preheader_es"))
    })
    private LocalizedText preheader;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "body_en")),
        @AttributeOverride(name = "es", column = @Column(name = "body_es"))
    })
    private LocalizedText body;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "action_label_en")),
        @AttributeOverride(name = "es", column = @Column(name = "action_label_es"))
    })
    private LocalizedText actionLabel;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "action_url_en")),
        @AttributeOverride(name = "es", column = @Column(name = "action_url_es"))
    })
    private LocalizedText actionUrl;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "name_fallback_en")),
        @AttributeOverride(name = "es", column = @Column(name = "name_fallback_es"))
    })
    private LocalizedText nameFallback;

    @Column(name = "audience_petition_id")
    private Long audiencePetitionId;

    @Column(name = "audience_language", length = 2)
    private Language audienceLanguage;

    @Column(name = "audience_country", length = 2)
    private String audienceCountry;

    @Column(name = "audience_postal")
    private String audiencePostal;

    @Column(name = "audience_event_id")
    private Long audienceEventId;

    @Column(name = "audience_waitlist", nullable = false)
    private boolean audienceWaitlist;

    @Column(name = "only_language", length = 2)
    private Language onlyLanguage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertState state;

    @Column(name = "audience_size")
    private Integer audienceSize;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Alert() {}

    public Alert(long createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.state = AlertState.DRAFT;
        this.subject = LocalizedText.empty();
        this.preheader = LocalizedText.empty();
        this.body = LocalizedText.empty();
        this.actionLabel = LocalizedText.empty();
        this.actionUrl = LocalizedText.empty();
    }

    /** Staff change the text and the audience only while the alert is a draft. */
    public void write(
            LocalizedText subject,
            LocalizedText preheader,
            LocalizedText body,
            LocalizedText actionLabel,
            LocalizedText actionUrl,
            Audience audience,
            Instant now) {
        requireState(AlertState.DRAFT);
        this.subject = subject;
        this.preheader = preheader;
        this.body = new LocalizedText(RichText.sanitize(body.en()), RichText.sanitize(body.es()));
        this.actionLabel = actionLabel;
        this.actionUrl = actionUrl;
        this.audiencePetitionId = audience.petitionId();
        this.audienceLanguage = audience.language();
        this.audienceCountry = audience.country();
        this.audiencePostal = audience.postalPrefix();
        this.audienceEventId = audience.eventId();
        this.audienceWaitlist = audience.withWaitlist();
        this.updatedAt = now;
    }

    /**
     * What a recipient whose first name is unknown is called where the text says {@code {first_name}}, per
     * language; blank for the portal's neutral default. Changed only while the alert is a draft.
     */
    public void nameUnknownRecipients(LocalizedText fallback, Instant now) {
        requireState(AlertState.DRAFT);
        this.nameFallback = fallback;
        this.updatedAt = now;
    }

    /** A language's version can go out: it has a subject and a body. */
    public boolean isComplete(Language language) {
        return has(subject, language) && has(body, language);
    }

    private static boolean has(LocalizedText text, Language language) {
        String value = text == null ? null : text.exactly(language);
        return value != null && !value.isBlank();
    }

    /**
     * Whether the alert may go out as chosen.
     *
     * @param onlyLanguage the version everyone gets when staff chose one language, or null for each
     *                     recipient's own language (then both versions must be complete)
     */
    public boolean isReady(Language onlyLanguage) {
        return onlyLanguage == null ? isComplete(Language.EN) && isComplete(Language.ES) : isComplete(onlyLanguage);
    }

    /** Sending starts by itself at {@code at}; the text and audience are frozen until staff cancel. */
    public void schedule(Instant at, Language onlyLanguage, Instant now) {
        requireState(AlertState.DRAFT);
        requireReady(onlyLanguage);
        if (!at.isAfter(now)) {
            throw new IllegalArgumentException("alert " + id + " cannot be scheduled in the past: " + at);
        }
        this.scheduledAt = at;
        this.onlyLanguage = onlyLanguage;
        this.state = AlertState.SCHEDULED;
        this.updatedAt = now;
    }

    /** Withdraws a schedule: the alert is a draft again, to edit, send or schedule anew. */
    public void cancelSchedule(Instant now) {
        requireState(AlertState.SCHEDULED);
        this.scheduledAt = null;
        this.onlyLanguage = null;
        this.state = AlertState.DRAFT;
        this.updatedAt = now;
    }

    /**
     * Starts sending to {@code audienceSize} recipients (their deliveries already written): a draft at
     * once, with the version choice made now, or a scheduled alert with the choice made when scheduled.
     */
    public void startSending(int audienceSize, Language onlyLanguage, Instant now) {
        onlyLanguage = requireStartable(onlyLanguage);
        this.onlyLanguage = onlyLanguage;
        this.audienceSize = audienceSize;
        this.state = audienceSize == 0 ? AlertState.SENT : AlertState.SENDING;
        this.startedAt = now;
        this.finishedAt = audienceSize == 0 ? now : null;
        this.updatedAt = now;
    }

    /**
     * Checks that sending may start (before the audience is snapshotted for it).
     *
     * @return the version choice that applies: the one made when scheduling, for a scheduled alert
     */
    public Language requireStartable(Language onlyLanguage) {
        Language choice = state == AlertState.SCHEDULED ? this.onlyLanguage : onlyLanguage;
        if (state != AlertState.SCHEDULED) {
            requireState(AlertState.DRAFT);
        }
        requireReady(choice);
        return choice;
    }

    /** Staff hold a sending alert: no further delivery is claimed until they resume it. */
    public void pause(Instant now) {
        requireState(AlertState.SENDING);
        this.state = AlertState.PAUSED;
        this.updatedAt = now;
    }

    /** Sending goes on where it stopped. */
    public void resume(Instant now) {
        requireState(AlertState.PAUSED);
        this.state = AlertState.SENDING;
        this.updatedAt = now;
    }

    /**
     * Every delivery is settled (sent, failed or skipped): a sending alert is sent. Anything else is left as
     * it is: a paused alert stays paused for staff to see, and an alert already finished (by another
     * instance) is not finished twice.
     */
    public void finish(Instant now) {
        if (state == AlertState.SENDING) {
            this.state = AlertState.SENT;
            this.finishedAt = now;
            this.updatedAt = now;
        }
    }

    private void requireReady(Language onlyLanguage) {
        if (!isReady(onlyLanguage)) {
            throw new IllegalStateException("alert " + id + " has no complete version to send");
        }
    }

    private void requireState(AlertState expected) {
        if (state != expected) {
            throw new IllegalStateException("alert " + id + " is " + state + ", not " + expected);
        }
    }

    /** The version a recipient whose language is {@code language} gets. */
    public Language versionFor(Language language) {
        return onlyLanguage != null ? onlyLanguage : language;
    }

    /** A host's message to their event's attendees, rather than an alert to supporters. */
    public boolean isAttendeeMessage() {
        return audienceEventId != null;
    }

    public Audience getAudience() {
        return new Audience(
                audiencePetitionId,
                audienceLanguage,
                audienceCountry,
                audiencePostal,
                audienceEventId,
                audienceWaitlist);
    }

    public Long getId() {
        return id;
    }

    public LocalizedText getSubject() {
        return subject == null ? LocalizedText.empty() : subject;
    }

    public LocalizedText getPreheader() {
        return preheader == null ? LocalizedText.empty() : preheader;
    }

    public LocalizedText getBody() {
        return body == null ? LocalizedText.empty() : body;
    }

    public LocalizedText getActionLabel() {
        return actionLabel == null ? LocalizedText.empty() : actionLabel;
    }

    public LocalizedText getActionUrl() {
        return actionUrl == null ? LocalizedText.empty() : actionUrl;
    }

    public LocalizedText getNameFallback() {
        return nameFallback == null ? LocalizedText.empty() : nameFallback;
    }

    public Language getOnlyLanguage() {
        return onlyLanguage;
    }

    public AlertState getState() {
        return state;
    }

    public boolean isDraft() {
        return state == AlertState.DRAFT;
    }

    public boolean isScheduled() {
        return state == AlertState.SCHEDULED;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Integer getAudienceSize() {
        return audienceSize;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
