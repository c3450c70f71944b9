package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.puente.organization.Organization;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;

/**
 * The embedded run's demo events, planted with the demo organizations on an empty database so a new user
 * sees events at once: a vigil in Chicago whose address waits for a confirmed RSVP (40 places, some taken),
 * an online know-your-rights training, a day of prayer in San Diego and in Tijuana on the same day (each in
 * its own zone), and a vigil that already took place.
 */
@ApplicationScoped
public class DemoEvents {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** Plants the demo events in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plant(Organization frontera, Organization voces, Organization santuario) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("America/Chicago"));

        CoalitionEvent vigil = publish(
                voces,
                "candlelight-vigil-for-families-chicago",
                details(
                        EventType.VIGIL,
                        new LocalizedText(
                                "Candlelight vigil for separated families",
                                "Vigilia con velas por las familias separadas"),
                        new LocalizedText(
                                "We gather in prayer and solidarity for the children still waiting to be reunited with their parents.",
                                "Nos reunimos en oración y solidaridad por las niñas y los niños que aún esperan reunirse con sus padres."),
                        today.plusDays(9),
                        LocalTime.of(19, 0),
                        LocalTime.of(20, 30),
                        "America/Chicago",
                        Attendance.IN_PERSON,
                        LocationDisclosure.AFTER_RSVP,
                        new EventPlace(
                                VenueKind.PLACE_OF_WORSHIP,
                                "St. Pius V Parish Hall",
                                "1919 S Ashland Ave",
                                "Chicago",
                                "IL",
                                "60608",
                                "US",
                                null),
                        40,
                        2,
                        new LocalizedText(
                                "Bring a candle if you can; we will have some. The hall is step-free.",
                                "Trae una vela si puedes; tendremos algunas. El salón no tiene escalones."),
                        "English, Spanish, K'iche'",
                        true),
                now);
        vigil.cohostedBy(List.of(santuario), now);

        publish(
                frontera,
                "know-your-rights-training-online",
                details(
                        EventType.TRAINING,
                        new LocalizedText(
                                "Know your rights: online training", "Conoce tus derechos: capacitación en línea"),
                        new LocalizedText(
                                "What to do if immigration agents come to your door, at work or on the street. For members and neighbors.",
                                "Qué hacer si agentes de inmigración llegan a tu puerta, al trabajo o en la calle. Para miembros y vecinos."),
                        today.plusDays(5),
                        LocalTime.of(18, 0),
                        LocalTime.of(19, 30),
                        "America/Denver",
                        Attendance.ONLINE,
                        LocationDisclosure.AFTER_RSVP,
                        new EventPlace(
                                null, null, null, "El Paso", "TX", null, "US", "https://meet.example.org/puente-kyr"),
                        null,
                        0,
                        LocalizedText.empty(),
                        "Spanish, English",
                        true),
                now);

        LocalDate prayerDay = today.plusDays(16);
        publish(
                santuario,
                "day-of-prayer-san-diego",
                details(
                        EventType.PRAYER,
                        new LocalizedText(
                                "Day of prayer for children at the border: San Diego",
                                "Día de oración por la niñez en la frontera: San Diego"),
                        new LocalizedText(
                                "Congregations pray together on both sides of the border, at the same hour.",
                                "Congregaciones oran juntas a ambos lados de la frontera, a la misma hora."),
                        prayerDay,
                        LocalTime.of(10, 0),
                        LocalTime.of(12, 0),
                        "America/Los_Angeles",
                        Attendance.IN_PERSON,
                        LocationDisclosure.PUBLIC,
                        new EventPlace(
                                VenueKind.PARK_OR_STREET,
                                "Friendship Park",
                                "Border Field State Park, Monument Rd",
                                "San Diego",
                                "CA",
                                "92154",
                                "US",
                                null),
                        null,
                        3,
                        LocalizedText.empty(),
                        "English, Spanish",
                        false),
                now);
        CoalitionEvent tijuana = publish(
                frontera,
                "dia-de-oracion-tijuana",
                details(
                        EventType.PRAYER,
                        new LocalizedText(
                                "Day of prayer for children at the border: Tijuana",
                                "Día de oración por la niñez en la frontera: Tijuana"),
                        new LocalizedText(
                                "On the Mexican side of the fence, at the same hour as San Diego.",
                                "Del lado mexicano del muro, a la misma hora que en San Diego."),
                        prayerDay,
                        LocalTime.of(10, 0),
                        LocalTime.of(12, 0),
                        "America/Tijuana",
                        Attendance.IN_PERSON,
                        LocationDisclosure.AFTER_RSVP,
                        new EventPlace(
                                VenueKind.PLACE_OF_WORSHIP,
                                "Parroquia de Playas",
                                "Paseo Pedregal 250, Playas de Tijuana",
                                "Tijuana",
                                "Baja California",
                                "22504",
                                "MX",
                                null),
                        null,
                        3,
                        LocalizedText.empty(),
                        "Español",
                        false),
                now);
        tijuana.cohostedBy(List.of(santuario), now);

        publish(
                frontera,
                "first-friday-vigil-el-paso",
                details(
                        EventType.VIGIL,
                        new LocalizedText(
                                "First Friday vigil at the border", "Vigilia del primer viernes en la frontera"),
                        new LocalizedText(
                                "Our monthly vigil for families released at the border.",
                                "Nuestra vigilia mensual por las familias liberadas en la frontera."),
                        today.minusDays(20),
                        LocalTime.of(19, 0),
                        LocalTime.of(20, 0),
                        "America/Denver",
                        Attendance.IN_PERSON,
                        LocationDisclosure.PUBLIC,
                        new EventPlace(
                                VenueKind.PARK_OR_STREET,
                                "San Jacinto Plaza",
                                "114 W Mills Ave",
                                "El Paso",
                                "TX",
                                "79901",
                                "US",
                                null),
                        null,
                        0,
                        LocalizedText.empty(),
                        "English, Spanish",
                        false),
                now);

        String[][] attendees = {
            {"María", "López", "es", "1"},
            {"James", "Carter", "en", "0"},
            {"Lucía", "Hernández", "es", "2"},
            {"Ana", "Pérez", "es", "0"},
            {"David", "Nguyen", "en", "1"},
            {"Rosa", "Martínez", "es", "0"},
            {"Sam", "Okafor", "en", "0"},
            {"Juana", "Xoc", "es", "2"}
        };
        for (int i = 0; i < attendees.length; i++) {
            RegistrationForm form = new RegistrationForm();
            form.setFirstName(attendees[i][0]);
            form.setLastName(attendees[i][1]);
            form.setEmail("demo-attendee-" + i + "@example.org");
            form.setLanguage(Language.parse(attendees[i][2]).orElseThrow());
            form.setGuests(Integer.parseInt(attendees[i][3]));
            EventRegistration registration = new EventRegistration(vigil, form, now, null, null, null);
            registration.confirm(true, 0, now);
            em.persist(registration);
        }
    }

    private CoalitionEvent publish(Organization host, String slug, EventDetails details, Instant now) {
        CoalitionEvent event = new CoalitionEvent(host, slug, details, now);
        event.publish(now);
        em.persist(event);
        return event;
    }

    private static EventDetails details(
            EventType type,
            LocalizedText title,
            LocalizedText summary,
            LocalDate date,
            LocalTime start,
            LocalTime end,
            String zone,
            Attendance attendance,
            LocationDisclosure disclosure,
            EventPlace place,
            Integer capacity,
            int maxGuests,
            LocalizedText notes,
            String languages,
            boolean interpretation) {
        ZoneId zoneId = ZoneId.of(zone);
        return new EventDetails(
                type,
                title,
                summary,
                new LocalizedText("<p>" + summary.en() + "</p>", "<p>" + summary.es() + "</p>"),
                ZonedDateTime.of(date, start, zoneId).toInstant(),
                ZonedDateTime.of(date, end, zoneId).toInstant(),
                zoneId,
                attendance,
                disclosure,
                place,
                capacity,
                maxGuests,
                null,
                false,
                notes,
                languages,
                interpretation,
                null);
    }
}
