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
        String contact) {}
