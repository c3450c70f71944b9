package org.puente.event;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.puente.platform.i18n.CountryCode;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.PlainText;

/**
 * What a host writes for an event, both languages side by side, with the time as the wall clock of the
 * event's own zone (what the host reads off the poster); {@link #details()} turns it into instants.
 * Checked field by field here and as a whole by {@link #problems()}.
 */
public class EventForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The field an error belongs to, and the message key saying what is wrong. */
    public record Problem(String field, String key) {}

    /** Null: the coalition hosts (staff only). */
    private Long organizationId;

    private List<Long> cohostIds = new ArrayList<>();

    @NotNull(message = "{event.type.required}")
    private EventType type = EventType.VIGIL;

    @Size(max = CoalitionEvent.TITLE_MAX, message = "{field.tooLong}")
    @PlainText
    private String titleEn;

    @Size(max = CoalitionEvent.TITLE_MAX, message = "{field.tooLong}")
    @PlainText
    private String titleEs;

    @Size(max = CoalitionEvent.SUMMARY_MAX, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEn;

    @Size(max = CoalitionEvent.SUMMARY_MAX, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEs;

    @Size(max = CoalitionEvent.DESCRIPTION_MAX, message = "{field.tooLong}")
    private String descriptionEn;

    @Size(max = CoalitionEvent.DESCRIPTION_MAX, message = "{field.tooLong}")
    private String descriptionEs;

    @NotNull(message = "{event.date.required}")
    private LocalDate date;

    @NotNull(message = "{event.time.required}")
    private LocalTime startTime;

    @NotNull(message = "{event.time.required}")
    private LocalTime endTime;

    /** The day it ends, when not the day it starts (an overnight vigil). */
    private LocalDate endDate;

    @NotNull(message = "{event.zone.invalid}")
    @Size(max = 64, message = "{event.zone.invalid}")
    private String timeZone;

    @NotNull
    private Attendance attendance = Attendance.IN_PERSON;

    @NotNull
    private LocationDisclosure disclosure = LocationDisclosure.AFTER_RSVP;

    private VenueKind venueKind;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String venueName;

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String streetAddress;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String city;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String region;

    @Size(max = 20, message = "{field.tooLong}")
    @Pattern(regexp = "[\\p{L}\\p{N} -]*", message = "{signature.postalCode.invalid}")
    private String postalCode;

    @CountryCode
    private String country;

    @Size(max = 500, message = "{field.tooLong}")
    @Pattern(regexp = "^$|^(?i)https?://[^\\s<>\"]+$", message = "{event.onlineUrl.invalid}")
    private String onlineUrl;

    @Min(value = 1, message = "{event.capacity.invalid}")
    @Max(value = CoalitionEvent.CAPACITY_MAX, message = "{event.capacity.invalid}")
    private Integer capacity;

    @Min(value = 0, message = "{event.maxGuests.invalid}")
    @Max(value = CoalitionEvent.GUESTS_MAX, message = "{event.maxGuests.invalid}")
    private int maxGuests;

    private boolean askPhone;

    /** A second reminder this many hours before the start (the first goes a day before); empty for none. */
    @Min(value = 1, message = "{event.secondReminder.invalid}")
    @Max(value = 23, message = "{event.secondReminder.invalid}")
    private Integer secondReminderHours;

    @Size(max = 1000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String notesEn;

    @Size(max = 1000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String notesEs;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String languages;

    private boolean interpretation;

    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = "^$|.+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    private String contact;

    @Size(max = 80, message = "{field.tooLong}")
    @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{petition.slug.invalid}")
    private String slug;

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String imageAltEn;

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String imageAltEs;

    public static EventForm of(CoalitionEvent event) {
        EventForm form = new EventForm();
        form.organizationId =
                event.getOrganization() == null ? null : event.getOrganization().getId();
        form.cohostIds =
                new ArrayList<>(event.getCohosts().stream().map(o -> o.getId()).toList());
        form.type = event.getType();
        form.titleEn = event.getTitle().en();
        form.titleEs = event.getTitle().es();
        form.summaryEn = event.getSummary().en();
        form.summaryEs = event.getSummary().es();
        form.descriptionEn = event.getDescription().en();
        form.descriptionEs = event.getDescription().es();
        ZonedDateTime start = event.getStart();
        ZonedDateTime end = event.getEnd();
        form.date = start.toLocalDate();
        form.startTime = start.toLocalTime();
        form.endTime = end.toLocalTime();
        form.endDate = end.toLocalDate().equals(start.toLocalDate()) ? null : end.toLocalDate();
        form.timeZone = event.getTimeZone();
        form.attendance = event.getAttendance();
        form.disclosure = event.getDisclosure();
        EventPlace place = event.getPlace();
        if (place != null) {
            form.venueKind = place.getVenueKind();
            form.venueName = place.getVenueName();
            form.streetAddress = place.getStreetAddress();
            form.city = place.getCity();
            form.region = place.getRegion();
            form.postalCode = place.getPostalCode();
            form.country = place.getCountry();
            form.onlineUrl = place.getOnlineUrl();
        }
        form.capacity = event.getCapacity();
        form.maxGuests = event.getMaxGuests();
        form.askPhone = event.isAskPhone();
        form.secondReminderHours = event.getSecondReminderHours();
        form.notesEn = event.getNotes().en();
        form.notesEs = event.getNotes().es();
        form.languages = event.getLanguages();
        form.interpretation = event.isInterpretation();
        form.contact = event.getContact();
        form.slug = event.getSlug();
        form.imageAltEn = event.getImageAlt().en();
        form.imageAltEs = event.getImageAlt().es();
        return form;
    }

    /** Whether the chosen type shows this optional field (what a hidden one says takes no effect). */
    public boolean shows(EventField field) {
        return type != null && type.shows(field);
    }

    /** The zone, if the form names a region's IANA zone (not a bare offset). */
    public Optional<ZoneId> zone() {
        if (timeZone == null || !timeZone.contains("/") || timeZone.startsWith("Etc/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(timeZone.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with the form as a whole (fields that depend on each other); empty when it may be
     * saved. A wall time that does not exist in the zone (skipped by a daylight-saving change) moves
     * forward as the clocks do.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (title().isEmpty()) {
            problems.add(new Problem("titleEn", "event.title.required"));
        }
        if (zone().isEmpty()) {
            problems.add(new Problem("timeZone", "event.zone.invalid"));
        } else if (date != null && startTime != null && endTime != null && !endsAt().isAfter(startsAt())) {
            problems.add(new Problem("endTime", "event.end.beforeStart"));
        }
        if (attendance != null && attendance.hasPlace() && (blank(city) || blank(country))) {
            problems.add(new Problem(blank(city) ? "city" : "country", "event.locality.required"));
        }
        if (attendance != null && attendance.hasLink() && blank(onlineUrl)) {
            problems.add(new Problem("onlineUrl", "event.onlineUrl.required"));
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    ZonedDateTime startsAt() {
        return ZonedDateTime.of(date, startTime, zone().orElseThrow());
    }

    ZonedDateTime endsAt() {
        return ZonedDateTime.of(endDate == null ? date : endDate, endTime, zone().orElseThrow());
    }

    LocalizedText title() {
        return new LocalizedText(titleEn, titleEs);
    }

    /** The form as the entity takes it; call only when {@link #problems()} is empty. */
    EventDetails details() {
        boolean place = attendance.hasPlace();
        boolean link = attendance.hasLink();
        return new EventDetails(
                type,
                title(),
                new LocalizedText(summaryEn, summaryEs),
                new LocalizedText(descriptionEn, descriptionEs),
                startsAt().toInstant(),
                endsAt().toInstant(),
                zone().orElseThrow(),
                attendance,
                disclosure,
                new EventPlace(
                        place ? venueKind : null,
                        place ? venueName : null,
                        place ? streetAddress : null,
                        city,
                        region,
                        place ? postalCode : null,
                        country,
                        link ? onlineUrl : null),
                capacity,
                maxGuests,
                secondReminderHours,
                askPhone,
                new LocalizedText(notesEn, notesEs),
                blank(languages) ? null : languages.strip(),
                interpretation,
                blank(contact) ? null : contact.strip());
    }

    LocalizedText imageAlt() {
        return new LocalizedText(imageAltEn, imageAltEs);
    }

    String requestedSlug() {
        return slug == null ? "" : slug.strip();
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public List<Long> getCohostIds() {
        return cohostIds;
    }

    public void setCohostIds(List<Long> cohostIds) {
        this.cohostIds = cohostIds == null ? new ArrayList<>() : cohostIds;
    }

    public EventType getType() {
        return type;
    }

    public void setType(EventType type) {
        this.type = type;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getTitleEs() {
        return titleEs;
    }

    public void setTitleEs(String titleEs) {
        this.titleEs = titleEs;
    }

    public String getSummaryEn() {
        return summaryEn;
    }

    public void setSummaryEn(String summaryEn) {
        this.summaryEn = summaryEn;
    }

    public String getSummaryEs() {
        return summaryEs;
    }

    public void setSummaryEs(String summaryEs) {
        this.summaryEs = summaryEs;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public String getDescriptionEs() {
        return descriptionEs;
    }

    public void setDescriptionEs(String descriptionEs) {
        this.descriptionEs = descriptionEs;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalTime endTime) {
        this.endTime = endTime;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Attendance getAttendance() {
        return attendance;
    }

    public void setAttendance(Attendance attendance) {
        this.attendance = attendance;
    }

    public LocationDisclosure getDisclosure() {
        return disclosure;
    }

    public void setDisclosure(LocationDisclosure disclosure) {
        this.disclosure = disclosure;
    }

    public VenueKind getVenueKind() {
        return venueKind;
    }

    public void setVenueKind(VenueKind venueKind) {
        this.venueKind = venueKind;
    }

    public String getVenueName() {
        return venueName;
    }

    public void setVenueName(String venueName) {
        this.venueName = venueName;
    }

    public String getStreetAddress() {
        return streetAddress;
    }

    public void setStreetAddress(String streetAddress) {
        this.streetAddress = streetAddress;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }

    public void setOnlineUrl(String onlineUrl) {
        this.onlineUrl = onlineUrl;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public int getMaxGuests() {
        return maxGuests;
    }

    public void setMaxGuests(int maxGuests) {
        this.maxGuests = maxGuests;
    }

    public Integer getSecondReminderHours() {
        return secondReminderHours;
    }

    public void setSecondReminderHours(Integer secondReminderHours) {
        this.secondReminderHours = secondReminderHours;
    }

    public boolean isAskPhone() {
        return askPhone;
    }

    public void setAskPhone(boolean askPhone) {
        this.askPhone = askPhone;
    }

    public String getNotesEn() {
        return notesEn;
    }

    public void setNotesEn(String notesEn) {
        this.notesEn = notesEn;
    }

    public String getNotesEs() {
        return notesEs;
    }

    public void setNotesEs(String notesEs) {
        this.notesEs = notesEs;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public boolean isInterpretation() {
        return interpretation;
    }

    public void setInterpretation(boolean interpretation) {
        this.interpretation = interpretation;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getSlug() {
        return slug;
    }

    public String getImageAltEn() {
        return imageAltEn;
    }

    public void setImageAltEn(String imageAltEn) {
        this.imageAltEn = imageAltEn;
    }

    public String getImageAltEs() {
        return imageAltEs;
    }

    public void setImageAltEs(String imageAltEs) {
        this.imageAltEs = imageAltEs;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
