package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.Language;

/**
 * Calendar files (iCalendar, written with ical4j): an event's public entry, the public feeds, and an
 * attendee's own entry. Every entry of one event has the same {@code UID}, its times carry the event's
 * zone ({@code TZID}) with the zone's {@code VTIMEZONE}, and its {@code SEQUENCE} is the event's, raised on
 * every change of time, place or status, so a calendar updates the entry it has instead of adding another.
 * Public files say only what the public page says of the place: a hidden address is never in them.
 */
@ApplicationScoped
public class EventCalendar {

    /** The iCalendar METHOD of an attendee's entry: a place (or a change to it), or a cancellation. */
    public enum Method {
        PUBLISH,
        REQUEST,
        CANCEL
    }

    /** How often subscribed calendars are asked to fetch a feed again. */
    static final Duration REFRESH = Duration.ofHours(1);

    @Inject
    PuenteConfig config;

    @Inject
    Clock clock;

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * The public entry of one event ({@code METHOD:PUBLISH}). Unless the event's address is public, its
     * LOCATION is only the locality and country: no venue name, street, postal code or online link.
     */
    public String publicEntry(CoalitionEvent event, Language language) {
        Calendar calendar = calendar(Method.PUBLISH);
        add(calendar, event, language, null);
        return text(calendar);
    }

    /** A public feed of many events (each by the public entry's rules), subscribable, with its name and refresh. */
    public String feed(List<CoalitionEvent> events, Language language, String name) {
        Calendar calendar = calendar(Method.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        events.forEach(event -> add(calendar, event, language, null));
        return text(calendar);
    }

    /**
     * An attendee's own entry, with the whole place and the online link: a confirmed place or a change
     * ({@code REQUEST}), or a cancellation ({@code CANCEL}, with the event's {@code STATUS:CANCELLED}).
     */
    public String attendeeEntry(CoalitionEvent event, Invitee invitee, Method method) {
        Calendar calendar = calendar(method);
        add(calendar, event, invitee.language(), invitee);
        return text(calendar);
    }

    /**
     * The person an attendee's entry is for: iTIP names them as its {@code ATTENDEE} (their own address, in
     * the file only they receive), so calendars match the update or cancellation to the entry they hold.
     */
    public record Invitee(String email, String name, Language language) {

        static Invitee of(EventRegistration registration) {
            String name = registration.getLastName() == null
                            || registration.getLastName().isBlank()
                    ? registration.getFirstName()
                    : registration.getFirstName() + " " + registration.getLastName();
            return new Invitee(registration.getEmail(), name, registration.getLanguage());
        }
    }

    /**
     * The file's text, lines folded at 75 octets as RFC 5545 asks ({@code Calendar.toString()} does not fold).
     * Not validated: ical4j applies iTIP's rules (ORGANIZER in a PUBLISH), which a subscribed feed does
     * without.
     */
    private static String text(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Calendar calendar(Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Puente//Events//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(
                switch (method) {
                    case PUBLISH -> ImmutableMethod.PUBLISH;
                    case REQUEST -> ImmutableMethod.REQUEST;
                    case CANCEL -> ImmutableMethod.CANCEL;
                });
        return calendar;
    }

    /** The event, and its zone's definition unless the calendar has it already. */
    private void add(Calendar calendar, CoalitionEvent event, Language language, Invitee attendee) {
        String zone = event.getTimeZone();
        boolean present = calendar.getComponents(Component.VTIMEZONE).stream()
                .anyMatch(c -> c.getProperty(Property.TZID)
                        .map(tzid -> zone.equals(tzid.getValue()))
                        .orElse(false));
        if (!present) {
            TimeZone definition = zones.getTimeZone(zone);
            if (definition == null) {
                throw new IllegalStateException("no time-zone definition for " + zone);
            }
            calendar.add(definition.getVTimeZone());
        }
        calendar.add(entry(event, language, attendee));
    }

    private VEvent entry(CoalitionEvent event, Language language, Invitee attendee) {
        ParameterList inLanguage =
                new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.Language(language.code())));
        // Not VEvent(start, end, summary): that one stamps the entry with the system clock (a second DTSTAMP).
        VEvent entry = new VEvent(false);
        entry.add(new Uid("event-" + event.getId() + "@" + host()));
        entry.add(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        entry.add(new DtStart<>(event.getStart()));
        entry.add(new DtEnd<>(event.getEnd()));
        entry.add(new Sequence(event.getSequence()));
        entry.add(new Summary(inLanguage, event.getTitle().in(language)));
        entry.add(event.isCancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        entry.add(new Url(URI.create(config.baseUrl() + "/events/" + event.getSlug())));
        StringBuilder description = new StringBuilder(event.getSummary().in(language));
        boolean disclosed = attendee != null || event.isAddressPublic();
        EventPlace place = event.getPlace();
        if (place != null && event.getAttendance().hasPlace()) {
            String where = disclosed ? place.getFullAddress() : place.getLocality();
            entry.add(new Location(inLanguage, joined(where, countryOf(place, language))));
        }
        if (place != null && place.getOnlineUrl() != null && disclosed) {
            description.append(description.isEmpty() ? "" : "\n\n").append(place.getOnlineUrl());
        }
        description
                .append(description.isEmpty() ? "" : "\n\n")
                .append(config.baseUrl())
                .append("/events/")
                .append(event.getSlug());
        entry.add(new Description(inLanguage, description.toString()));
        if (attendee != null) {
            entry.add(new Organizer(URI.create("mailto:" + organizerAddress())));
            ParameterList who = new ParameterList(List.of(
                    new Cn(commonName(attendee)),
                    Role.REQ_PARTICIPANT,
                    event.isCancelled() ? PartStat.DECLINED : PartStat.ACCEPTED));
            entry.add(new Attendee(who, URI.create("mailto:" + attendee.email())));
        }
        return entry;
    }

    /**
     * A parameter value may hold no double quote or control character (RFC 5545 §3.1): they become plain.
     * A leading "=" (valid, but it trips parsers, ical4j's own among them) is dropped.
     */
    static String commonName(Invitee invitee) {
        String name = invitee.name() == null ? "" : invitee.name();
        name = name.replace('"', '\'')
                .replaceAll("\\p{Cntrl}", " ")
                .replaceFirst("^[=\\s]+", "")
                .strip();
        return name.isEmpty() ? invitee.email() : name;
    }

    private static String countryOf(EventPlace place, Language language) {
        return place.getCountry() == null ? null : Countries.name(place.getCountry(), language);
    }

    /** The address calendars show as the organizer of an attendee's entry (iTIP wants one): the portal's sender. */
    private String organizerAddress() {
        String from = config.mailFrom();
        int open = from.indexOf('<');
        int close = from.indexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    private String host() {
        String host = URI.create(config.baseUrl()).getHost();
        return host == null || host.isBlank() ? "puente.localhost" : host;
    }

    private static String joined(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }
}
