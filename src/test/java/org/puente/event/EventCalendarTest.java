package org.puente.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;

@DisplayName("Calendar files: one entry per event with its zone, the address only for those allowed to see it")
class EventCalendarTest {

    static final Instant NOW = Instant.parse("2026-02-01T10:15:30Z");
    static final ZoneId TIJUANA = ZoneId.of("America/Tijuana");
    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    /** The second Sunday of March: Tijuana springs forward (US rules); Mexico City has no DST since 2022. */
    static final LocalDateTime CHANGE_DAY_7PM = LocalDateTime.of(2026, 3, 8, 19, 0);

    static final String VENUE = "Parroquia San Judas Tadeo";
    static final String STREET = "Calle Ocampo 1234";
    static final String POSTAL_CODE = "22010";
    static final String ONLINE = "https://meet.example.org/vigil-7f3a";
    static final EventCalendar.Invitee ANA_ES = new EventCalendar.Invitee("ana@example.org", "=1+2 Xoc", Language.ES);
    static final EventCalendar.Invitee ANA_EN = new EventCalendar.Invitee("ana@example.org", "Ana Xoc", Language.EN);

    final EventCalendar calendar = calendar();

    static EventCalendar calendar() {
        EventCalendar calendar = new EventCalendar();
        calendar.config = new PuenteConfig() {
            @Override
            public String baseUrl() {
                return "https://puente.example.org";
            }

            @Override
            public String mailFrom() {
                return "Puente <events@puente.example.org>";
            }
        };
        calendar.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return calendar;
    }

    static CoalitionEvent event(long id, String slug, ZoneId zone, LocationDisclosure disclosure) {
        Instant start = CHANGE_DAY_7PM.atZone(zone).toInstant();
        EventPlace place =
                new EventPlace(VenueKind.PLACE_OF_WORSHIP, VENUE, STREET, "Tijuana", "B.C.", POSTAL_CODE, "MX", ONLINE);
        EventDetails details = new EventDetails(
                EventType.VIGIL,
                new LocalizedText("Vigil at the border", "Vigilia en la frontera"),
                new LocalizedText("We pray for families apart.", "Oramos por las familias separadas."),
                new LocalizedText("<p>Bring a candle.</p>", "<p>Trae una vela.</p>"),
                start,
                start.plus(Duration.ofMinutes(90)),
                zone,
                Attendance.BOTH,
                disclosure,
                place,
                null,
                0,
                null,
                false,
                LocalizedText.empty(),
                "es,en",
                false,
                null);
        CoalitionEvent event = new CoalitionEvent(null, slug, details, NOW);
        try {
            Field field = CoalitionEvent.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(event, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        event.publish(NOW);
        return event;
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static VEvent only(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }

    static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    static String value(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).orElse(null);
    }

    static String parameter(Component component, String property, String parameter) {
        return component
                .getProperty(property)
                .flatMap(p -> p.<Parameter>getParameter(parameter))
                .map(Parameter::getValue)
                .orElse(null);
    }

    /** The UTC offset a calendar client reads from the file's own VTIMEZONE for that zone at that instant. */
    static Duration offsetInFile(Calendar calendar, String zone, Instant at) {
        VTimeZone definition = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .filter(z -> zone.equals(value(z, Property.TZID)))
                .findFirst()
                .orElseThrow();
        return Duration.ofMillis(new TimeZone(definition).getOffset(at.toEpochMilli()));
    }

    static List<String> zoneIds(Calendar calendar) {
        return calendar.getComponents(Component.VTIMEZONE).stream()
                .map(zone -> value(zone, Property.TZID))
                .toList();
    }

    static ZonedDateTime start(VEvent event) {
        return zoned(event, Property.DTSTART);
    }

    static ZonedDateTime zoned(VEvent event, String name) {
        Temporal date = event.<DateProperty<?>>getProperty(name).orElseThrow().getDate();
        return (ZonedDateTime) date;
    }

    /** Every value the file holds, unfolded, so that a hidden detail cannot hide behind a line fold. */
    static String everything(Calendar calendar) {
        return Stream.concat(
                        calendar.getProperties().stream(),
                        calendar.getComponents().stream().flatMap(c -> c.getProperties().stream()))
                .map(Property::getValue)
                .collect(Collectors.joining("\n"));
    }

    @Test
    @DisplayName("a vigil's public entry names only the town, in the reader's language, with its zone and stable UID")
    void publicEntryHidesTheAddress() throws Exception {
        CoalitionEvent vigil = event(42, "vigil-tijuana", TIJUANA, LocationDisclosure.AFTER_RSVP);

        String text = calendar.publicEntry(vigil, Language.ES);
        Calendar parsed = parse(text);
        VEvent entry = only(parsed);

        assertEquals("PUBLISH", value(parsed, Property.METHOD));
        assertEquals("-//Puente//Events//EN", value(parsed, Property.PRODID));
        assertEquals("2.0", value(parsed, Property.VERSION));
        assertEquals("GREGORIAN", value(parsed, Property.CALSCALE));
        assertEquals("event-42@puente.example.org", value(entry, Property.UID));
        assertEquals(1, entry.getProperties(Property.DTSTAMP).size(), "one DTSTAMP, from the portal's clock");
        assertEquals("20260201T101530Z", value(entry, Property.DTSTAMP));
        assertEquals("0", value(entry, Property.SEQUENCE));
        assertEquals("CONFIRMED", value(entry, Property.STATUS));
        assertEquals("America/Tijuana", parameter(entry, Property.DTSTART, Parameter.TZID));
        assertEquals("America/Tijuana", parameter(entry, Property.DTEND, Parameter.TZID));
        assertEquals(List.of("America/Tijuana"), zoneIds(parsed));
        assertEquals("Vigilia en la frontera", value(entry, Property.SUMMARY));
        assertEquals("es", parameter(entry, Property.SUMMARY, Parameter.LANGUAGE));
        assertTrue(value(entry, Property.DESCRIPTION).startsWith("Oramos por las familias separadas."));
        assertEquals("es", parameter(entry, Property.DESCRIPTION, Parameter.LANGUAGE));
        assertEquals("https://puente.example.org/events/vigil-tijuana", value(entry, Property.URL));
        assertEquals("Tijuana, B.C., México", value(entry, Property.LOCATION));

        String all = everything(parsed);
        for (String hidden : List.of(STREET, POSTAL_CODE, VENUE, ONLINE)) {
            assertFalse(all.contains(hidden), hidden + " in the public entry");
            assertFalse(text.replace("\r\n ", "").contains(hidden), hidden + " in the public file");
        }

        Calendar attendee = parse(calendar.attendeeEntry(vigil, ANA_ES, EventCalendar.Method.REQUEST));
        VEvent own = only(attendee);
        assertEquals("REQUEST", value(attendee, Property.METHOD));
        assertEquals("event-42@puente.example.org", value(own, Property.UID), "the same entry, not another");
        String location = value(own, Property.LOCATION);
        for (String shown : List.of(VENUE, STREET, "Tijuana", POSTAL_CODE, "México")) {
            assertTrue(location.contains(shown), shown + " missing from " + location);
        }
        assertTrue(value(own, Property.DESCRIPTION).contains(ONLINE), "the attendee gets the online link");
        assertEquals(List.of("America/Tijuana"), zoneIds(attendee));
        assertEquals("mailto:ana@example.org", value(own, Property.ATTENDEE), "iTIP names the attendee");
        assertEquals("1+2 Xoc", parameter(own, Property.ATTENDEE, Parameter.CN), "a leading = trips parsers");
        assertEquals(
                "Ana 'A': x",
                EventCalendar.commonName(new EventCalendar.Invitee("a@example.org", "Ana \"A\": x", Language.EN)));
        assertEquals("ACCEPTED", parameter(own, Property.ATTENDEE, Parameter.PARTSTAT));
    }

    @Test
    @DisplayName("a rally with a public address has it in its public entry")
    void publicAddressIsPublic() throws Exception {
        CoalitionEvent rally = event(7, "rally", TIJUANA, LocationDisclosure.PUBLIC);

        VEvent entry = only(parse(calendar.publicEntry(rally, Language.EN)));

        assertEquals("Vigil at the border", value(entry, Property.SUMMARY));
        assertEquals("en", parameter(entry, Property.SUMMARY, Parameter.LANGUAGE));
        assertTrue(value(entry, Property.LOCATION).contains(STREET));
        assertTrue(value(entry, Property.LOCATION).endsWith("Mexico"));
        assertTrue(value(entry, Property.DESCRIPTION).contains(ONLINE));
    }

    @Test
    @DisplayName("a host cancels: attendees get a CANCEL of the same entry with a higher SEQUENCE")
    void cancellation() throws Exception {
        CoalitionEvent vigil = event(43, "vigil", TIJUANA, LocationDisclosure.AFTER_RSVP);
        VEvent before = only(parse(calendar.attendeeEntry(vigil, ANA_EN, EventCalendar.Method.REQUEST)));

        vigil.cancel("The permit was withdrawn.", NOW.plusSeconds(60));
        Calendar cancelled = parse(calendar.attendeeEntry(vigil, ANA_EN, EventCalendar.Method.CANCEL));
        VEvent after = only(cancelled);

        assertEquals("CANCEL", value(cancelled, Property.METHOD));
        assertEquals("CANCELLED", value(after, Property.STATUS));
        assertEquals(value(before, Property.UID), value(after, Property.UID));
        assertTrue(
                Integer.parseInt(value(after, Property.SEQUENCE)) > Integer.parseInt(value(before, Property.SEQUENCE)));
        assertEquals("CANCELLED", value(only(parse(calendar.publicEntry(vigil, Language.EN))), Property.STATUS));
    }

    @Test
    @DisplayName("on the US change day, 7 PM in Tijuana and 7 PM in Mexico City stay 7 PM, an hour apart in UTC")
    void feedKeepsEachZone() throws Exception {
        CoalitionEvent tijuana = event(1, "tijuana", TIJUANA, LocationDisclosure.AFTER_RSVP);
        CoalitionEvent mexicoCity = event(2, "cdmx", MEXICO_CITY, LocationDisclosure.AFTER_RSVP);
        CoalitionEvent tijuanaAgain = event(3, "tijuana-2", TIJUANA, LocationDisclosure.PUBLIC);

        String text = calendar.feed(List.of(tijuana, mexicoCity, tijuanaAgain), Language.EN, "Puente events");
        Calendar parsed = parse(text);

        assertEquals("PUBLISH", value(parsed, Property.METHOD));
        assertEquals("Puente events", value(parsed, "X-WR-CALNAME"));
        assertEquals("PT1H", value(parsed, "REFRESH-INTERVAL"));
        assertEquals(
                "DURATION",
                parsed.getProperty("REFRESH-INTERVAL")
                        .flatMap(p -> p.<Parameter>getParameter(Parameter.VALUE))
                        .map(Parameter::getValue)
                        .orElse(null));
        assertEquals("PT1H", value(parsed, "X-PUBLISHED-TTL"));
        assertEquals(List.of("America/Tijuana", "America/Mexico_City"), zoneIds(parsed), "one VTIMEZONE per zone");

        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        assertEquals(3, events.size());
        VEvent inTijuana = events.get(0);
        VEvent inMexicoCity = events.get(1);
        assertEquals("event-1@puente.example.org", value(inTijuana, Property.UID));
        assertEquals("America/Tijuana", parameter(inTijuana, Property.DTSTART, Parameter.TZID));
        assertEquals("America/Mexico_City", parameter(inMexicoCity, Property.DTSTART, Parameter.TZID));
        assertEquals("20260308T190000", value(inTijuana, Property.DTSTART));
        assertEquals("20260308T190000", value(inMexicoCity, Property.DTSTART));

        assertEquals(CHANGE_DAY_7PM, start(inTijuana).toLocalDateTime());
        assertEquals(CHANGE_DAY_7PM, start(inMexicoCity).toLocalDateTime());
        assertEquals(Instant.parse("2026-03-09T02:00:00Z"), start(inTijuana).toInstant(), "PDT, UTC-7");
        assertEquals(Instant.parse("2026-03-09T01:00:00Z"), start(inMexicoCity).toInstant(), "CST, UTC-6");
        assertEquals(
                Instant.parse("2026-03-09T03:30:00Z"),
                zoned(inTijuana, Property.DTEND).toInstant());
        assertEquals(
                Duration.ofHours(-7),
                offsetInFile(parsed, "America/Tijuana", Instant.parse("2026-03-09T02:00:00Z")),
                "the file's own Tijuana definition has DST from that morning");
        assertEquals(
                Duration.ofHours(-6),
                offsetInFile(parsed, "America/Mexico_City", Instant.parse("2026-03-09T01:00:00Z")),
                "the file's own Mexico City definition keeps standard time");

        assertFalse(value(inTijuana, Property.LOCATION).contains(STREET));
        assertFalse(value(inMexicoCity, Property.LOCATION).contains(STREET));
        assertTrue(value(events.get(2), Property.LOCATION).contains(STREET));
    }
}
