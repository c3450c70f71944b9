package org.puente.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.PublicFormLimits.Hold;

@DisplayName("An event: its form, its time in its own zone, its lifecycle and what a change means")
class CoalitionEventTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static EventForm vigil() {
        EventForm form = new EventForm();
        form.setTitleEn("Vigil");
        form.setTitleEs("Vigilia");
        form.setType(EventType.VIGIL);
        form.setDate(LocalDate.of(2027, 3, 14));
        form.setStartTime(LocalTime.of(19, 0));
        form.setEndTime(LocalTime.of(20, 30));
        form.setTimeZone("America/Chicago");
        form.setAttendance(Attendance.IN_PERSON);
        form.setDisclosure(LocationDisclosure.AFTER_RSVP);
        form.setVenueKind(VenueKind.PLACE_OF_WORSHIP);
        form.setStreetAddress("1919 S Ashland Ave");
        form.setCity("Chicago");
        form.setRegion("IL");
        form.setCountry("US");
        return form;
    }

    @Test
    @DisplayName("a wall time on the daylight-saving change day becomes the right instant, and stays 7 PM in its zone")
    void wallTimeInItsZone() {
        EventForm form = vigil();
        assertEquals(List.of(), form.problems());
        EventDetails details = form.details();
        assertEquals(Instant.parse("2027-03-15T00:00:00Z"), details.startsAt(), "7 PM CDT is midnight UTC");
        CoalitionEvent event = new CoalitionEvent(null, "vigil", details, NOW);
        assertEquals(LocalTime.of(19, 0), event.getStart().toLocalTime());
        assertEquals("Sunday, March 14, 2027 · 7:00 PM – 8:30 PM CDT", EventTimes.when(event, Language.EN));
        assertEquals("domingo, 14 de marzo de 2027 · 19:00 – 20:30 CDT", EventTimes.when(event, Language.ES));
    }

    @Test
    @DisplayName("an end before the start, an unknown or offset-only zone, a missing city are refused by field")
    void formProblems() {
        EventForm backwards = vigil();
        backwards.setEndTime(LocalTime.of(18, 0));
        assertEquals(List.of(new EventForm.Problem("endTime", "event.end.beforeStart")), backwards.problems());

        for (String zone : List.of("Mars/Olympus", "UTC", "Etc/GMT+6", "", "America/")) {
            EventForm unknown = vigil();
            unknown.setTimeZone(zone);
            assertEquals(List.of(new EventForm.Problem("timeZone", "event.zone.invalid")), unknown.problems(), zone);
        }
        EventForm nowhere = vigil();
        nowhere.setCity(" ");
        assertEquals(List.of(new EventForm.Problem("city", "event.locality.required")), nowhere.problems());

        EventForm online = vigil();
        online.setAttendance(Attendance.ONLINE);
        assertEquals(List.of(new EventForm.Problem("onlineUrl", "event.onlineUrl.required")), online.problems());
        online.setOnlineUrl("https://meet.example.org/x");
        assertEquals(List.of(), online.problems());
        assertEquals(null, online.details().place().getStreetAddress(), "an online event keeps no street address");

        EventForm overnight = vigil();
        overnight.setEndDate(LocalDate.of(2027, 3, 15));
        overnight.setEndTime(LocalTime.of(6, 0));
        assertEquals(List.of(), overnight.problems());
    }

    @Test
    @DisplayName("once published, moving the time or the place raises the calendar sequence; other edits do not")
    void changesRaiseTheSequence() {
        CoalitionEvent event = new CoalitionEvent(null, "vigil", vigil().details(), NOW);
        assertEquals(CoalitionEvent.Change.NONE, event.revise(vigil().details(), NOW), "a draft tells nobody");
        event.publish(NOW);
        assertEquals(0, event.getSequence());

        EventForm retitled = vigil();
        retitled.setTitleEn("Candlelight vigil");
        assertEquals(CoalitionEvent.Change.DETAILS, event.revise(retitled.details(), NOW));
        assertEquals(0, event.getSequence());

        EventForm later = vigil();
        later.setStartTime(LocalTime.of(20, 0));
        later.setEndTime(LocalTime.of(21, 30));
        assertEquals(CoalitionEvent.Change.TIME_OR_PLACE, event.revise(later.details(), NOW));
        assertEquals(1, event.getSequence());

        EventForm moved = vigil();
        moved.setStartTime(LocalTime.of(20, 0));
        moved.setEndTime(LocalTime.of(21, 30));
        moved.setStreetAddress("2000 S Ashland Ave");
        assertEquals(CoalitionEvent.Change.TIME_OR_PLACE, event.revise(moved.details(), NOW));
        assertEquals(2, event.getSequence());

        event.cancel("Weather", NOW);
        assertEquals(3, event.getSequence());
        assertTrue(event.isCancelled());
        assertThrows(IllegalStateException.class, () -> event.revise(vigil().details(), NOW));
    }

    @Test
    @DisplayName("registrations are taken until the start; a vigil's address waits for a confirmed RSVP by default")
    void registrationWindow() {
        CoalitionEvent event = new CoalitionEvent(null, "vigil", vigil().details(), NOW);
        assertFalse(event.takesRegistrations(NOW), "not while a draft");
        event.publish(NOW);
        assertTrue(event.takesRegistrations(NOW));
        Instant start = event.getStartsAt();
        assertFalse(event.takesRegistrations(start));
        assertFalse(event.isPast(start));
        assertTrue(event.isPast(event.getEndsAt()));
        assertEquals(LocationDisclosure.AFTER_RSVP, EventType.VIGIL.defaultDisclosure());
        assertTrue(VenueKind.DETENTION_CENTER.isSensitive());
        assertFalse(event.isAddressPublic());
        assertEquals(ZoneId.of("America/Chicago"), event.getZone());
        assertEquals(ZonedDateTime.of(2027, 3, 14, 20, 30, 0, 0, ZoneId.of("America/Chicago")), event.getEnd());
    }

    @Test
    @DisplayName("a confirmation takes places or joins the waitlist; a cancellation of a place frees it once")
    void registrationStates() {
        CoalitionEvent event = new CoalitionEvent(null, "vigil", vigil().details(), NOW);
        event.publish(NOW);
        RegistrationForm form = new RegistrationForm();
        form.setFirstName("Ana");
        form.setEmail("Ana.Perez@Example.org");
        form.setGuests(2);
        EventRegistration registration = new EventRegistration(event, form, NOW, null, null, null);
        assertEquals(1, registration.places(), "guests are capped at the event's limit (0 here)");
        assertTrue(registration.confirm(false, 7, NOW));
        assertTrue(registration.isWaitlisted());
        assertEquals(7, registration.getWaitlistPosition());
        assertFalse(registration.confirm(true, 8, NOW), "confirmed once only");
        assertFalse(registration.seesAddress(), "the waitlist does not see the address");
        registration.promote();
        assertTrue(registration.seesAddress());
        assertTrue(registration.cancel(NOW), "a place was freed");
        assertFalse(registration.cancel(NOW), "and not twice");

        EventRegistration held = new EventRegistration(event, form, NOW, "192.0.2.1", "192.0.2.1", Hold.TOO_FAST);
        assertFalse(held.confirm(true, 1, NOW), "a held registration cannot be confirmed");
    }
}
