package org.puente.event;

import java.time.Instant;
import java.time.ZoneId;
import org.puente.platform.i18n.LocalizedText;

/**
 * What a host says about an event, checked by {@link EventForm} and turned into instants in the
 * event's zone before it reaches {@link CoalitionEvent}.
 */
public record EventDetails(
        EventType type,
        LocalizedText title,
        LocalizedText summary,
        LocalizedText description,
        Instant startsAt,
        Instant endsAt,
        ZoneId zone,
        Attendance attendance,
        LocationDisclosure disclosure,
        EventPlace place,
        Integer capacity,
        int maxGuests,
        Integer secondReminderHours,
        boolean askPhone,
        LocalizedText notes,
        String languages,
        boolean interpretation,
        String contact) {

    /**
     * The same details without what the type's form does not show: a field hidden for the type keeps no
     * stale value that would take effect (a vigil turned into a rally lets nobody bring guests).
     */
    EventDetails keptByType() {
        return new EventDetails(
                type,
                title,
                summary,
                description,
                startsAt,
                endsAt,
                zone,
                attendance,
                disclosure,
                place,
                capacity,
                type.shows(EventField.GUESTS) ? maxGuests : 0,
                type.shows(EventField.SECOND_REMINDER) ? secondReminderHours : null,
                type.shows(EventField.PHONE) && askPhone,
                type.shows(EventField.NOTES) ? notes : LocalizedText.empty(),
                type.shows(EventField.LANGUAGES) ? languages : null,
                type.shows(EventField.INTERPRETATION) && interpretation,
                type.shows(EventField.CONTACT) ? contact : null);
    }
}
