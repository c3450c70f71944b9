package org.puente.event;

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
import java.time.Instant;
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.EmailAddresses;
import org.puente.platform.security.PublicFormLimits.Hold;

/**
 * One person's registration (RSVP) for one event, with the guests they bring.
 *
 * <p>It is {@code PENDING} until its owner presses the button on the page the mailed link opens (a GET
 * changes nothing); then it is {@code CONFIRMED} when its places fit the capacity, else
 * {@code WAITLISTED} at the next position. The same link (its token is derived from the registration, only
 * its hash is kept) opens the person's own registration page, where they see what is disclosed to them,
 * change their guests or cancel. Personal data is erased some days after the event; the row stays as a
 * count.
 */
@Entity
@Table(name = "event_registration")
@NamedQuery(
        name = "EventRegistration.findByEventAndCanonicalEmail",
        query = "select r from EventRegistration r where r.event.id = :eventId and r.emailCanonical = :email")
@NamedQuery(
        name = "EventRegistration.findByCanonicalEmail",
        query = "select r from EventRegistration r where r.emailCanonical = :email order by r.event.id")
@NamedQuery(
        name = "EventRegistration.findByTokenHash",
        query = "select r from EventRegistration r where r.tokenHash = :hash")
@NamedQuery(
        name = "EventRegistration.placesTaken",
        query = "select coalesce(sum(1 + r.guests), 0) from EventRegistration r where r.event.id = :eventId "
                + "and r.state = org.puente.event.RegistrationState.CONFIRMED")
@NamedQuery(
        name = "EventRegistration.lastWaitlistPosition",
        query = "select coalesce(max(r.waitlistPosition), 0) from EventRegistration r where r.event.id = :eventId "
                + "and r.state = org.puente.event.RegistrationState.WAITLISTED")
@NamedQuery(
        name = "EventRegistration.findWaitlist",
        query = "select r from EventRegistration r where r.event.id = :eventId "
                + "and r.state = org.puente.event.RegistrationState.WAITLISTED order by r.waitlistPosition")
@NamedQuery(
        name = "EventRegistration.waitlistAhead",
        query = "select count(r) from EventRegistration r where r.event.id = :eventId "
                + "and r.state = org.puente.event.RegistrationState.WAITLISTED and r.waitlistPosition < :position")
@NamedQuery(
        name = "EventRegistration.findRoster",
        query =
                "select r from EventRegistration r where r.event.id = :eventId and r.state <> "
                        + "org.puente.event.RegistrationState.PENDING and r.erasedAt is null order by r.lastName, r.firstName, r.id")
@NamedQuery(
        name = "EventRegistration.findByStates",
        query = "select r from EventRegistration r where r.event.id = :eventId and r.state in :states order by r.id")
public class EventRegistration {

    /** How many mails one registration may cause by asking again (a double click, a lost mail). */
    static final int MAX_MAILS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event_id")
    private CoalitionEvent event;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String email;

    @Column(name = "email_canonical")
    private String emailCanonical;

    private String phone;

    @Column(nullable = false)
    private Language language;

    private int guests;

    private String needs;

    @Column(name = "alerts_consent")
    private boolean alertsConsent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationState state;

    @Column(name = "waitlist_position")
    private Integer waitlistPosition;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "mails_sent")
    private int mailsSent = 1;

    @Column(name = "source_ip")
    private String sourceIp;

    @Column(name = "limit_key")
    private String limitKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "hold_reason")
    private Hold holdReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "reminded_again_at")
    private Instant remindedAgainAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    protected EventRegistration() {}

    EventRegistration(
            CoalitionEvent event, RegistrationForm form, Instant now, String sourceIp, String limitKey, Hold hold) {
        this.event = event;
        this.firstName = form.getFirstName().strip();
        this.lastName = form.getLastName() == null ? null : form.getLastName().strip();
        this.email = form.getEmail().strip();
        this.emailCanonical = EmailAddresses.canonical(this.email);
        this.phone =
                event.isAskPhone() && form.getPhone() != null ? form.getPhone().strip() : null;
        this.language = form.getLanguage();
        this.guests = Math.min(form.getGuests(), event.getMaxGuests());
        this.needs = form.getNeeds() == null ? null : form.getNeeds().strip();
        this.alertsConsent = form.isAlertsConsent();
        this.state = RegistrationState.PENDING;
        this.createdAt = now;
        this.sourceIp = sourceIp;
        this.limitKey = limitKey;
        this.holdReason = hold;
    }

    /** The places this registration takes: the person and their guests. */
    public int places() {
        return 1 + guests;
    }

    /** Records the hash of the registration's current link. */
    void linkTo(String hash) {
        this.tokenHash = hash;
    }

    /**
     * The owner confirmed their address: they take their places if they fit, or join the waitlist at
     * {@code nextPosition}.
     *
     * @return false when it was not pending (confirmed before, cancelled, held)
     */
    boolean confirm(boolean fits, int nextPosition, Instant now) {
        if (state != RegistrationState.PENDING || holdReason != null) {
            return false;
        }
        this.confirmedAt = now;
        if (fits) {
            this.state = RegistrationState.CONFIRMED;
        } else {
            this.state = RegistrationState.WAITLISTED;
            this.waitlistPosition = nextPosition;
        }
        return true;
    }

    /** A place came free for the head of the waitlist. */
    void promote() {
        if (state != RegistrationState.WAITLISTED) {
            throw new IllegalStateException("registration " + id + " is " + state);
        }
        this.state = RegistrationState.CONFIRMED;
    }

    /**
     * The owner (or the event's cancellation) gives the places up.
     *
     * @return whether it held places that someone on the waitlist may now take
     */
    boolean cancel(Instant now) {
        boolean held = state == RegistrationState.CONFIRMED;
        if (state == RegistrationState.CANCELLED) {
            return false;
        }
        this.state = RegistrationState.CANCELLED;
        this.cancelledAt = now;
        return held;
    }

    /** A confirmed attendee changes how many guests come, within the event's limit. */
    void changeGuests(int newGuests) {
        if (newGuests < 0 || newGuests > event.getMaxGuests()) {
            throw new IllegalArgumentException("guests out of range");
        }
        this.guests = newGuests;
    }

    /** Another mail for the same registration, a few at most. */
    boolean remind() {
        if (mailsSent >= MAX_MAILS) {
            return false;
        }
        mailsSent++;
        return true;
    }

    /**
     * Marks the day-before reminder as done.
     *
     * @return whether to send it: not to a person who confirmed after the reminder time (their confirmation
     *     told them everything), nor twice
     */
    boolean remindedAt(Instant now, Instant reminderTime) {
        if (remindedAt != null || state != RegistrationState.CONFIRMED) {
            return false;
        }
        this.remindedAt = now;
        return confirmedAt != null && !confirmedAt.isAfter(reminderTime);
    }

    /** Marks the host's second reminder as done; whether to send it (not to one confirmed after its time). */
    boolean remindedAgainAt(Instant now, Instant reminderTime) {
        if (remindedAgainAt != null || state != RegistrationState.CONFIRMED) {
            return false;
        }
        this.remindedAgainAt = now;
        return confirmedAt != null && !confirmedAt.isAfter(reminderTime);
    }

    /** At the door. Checking in twice keeps the first time. */
    void checkIn(Instant now) {
        if (state != RegistrationState.CONFIRMED) {
            throw new IllegalStateException("only a confirmed attendee checks in");
        }
        if (checkedInAt == null) {
            this.checkedInAt = now;
        }
    }

    void undoCheckIn() {
        this.checkedInAt = null;
    }

    /** Whether the owner may see the private address: their places are confirmed and the host discloses to them. */
    public boolean seesAddress() {
        return state == RegistrationState.CONFIRMED && event.disclosesToConfirmed();
    }

    public boolean isPending() {
        return state == RegistrationState.PENDING;
    }

    public boolean isConfirmed() {
        return state == RegistrationState.CONFIRMED;
    }

    public boolean isWaitlisted() {
        return state == RegistrationState.WAITLISTED;
    }

    public boolean isCancelled() {
        return state == RegistrationState.CANCELLED;
    }

    public boolean isHeld() {
        return holdReason != null;
    }

    public boolean isCheckedIn() {
        return checkedInAt != null;
    }

    public Long getId() {
        return id;
    }

    public CoalitionEvent getEvent() {
        return event;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailCanonical() {
        return emailCanonical;
    }

    public String getPhone() {
        return phone;
    }

    public Language getLanguage() {
        return language;
    }

    public int getGuests() {
        return guests;
    }

    public String getNeeds() {
        return needs;
    }

    public boolean isAlertsConsent() {
        return alertsConsent;
    }

    public RegistrationState getState() {
        return state;
    }

    public Integer getWaitlistPosition() {
        return waitlistPosition;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventRegistration other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return EventRegistration.class.hashCode();
    }
}
