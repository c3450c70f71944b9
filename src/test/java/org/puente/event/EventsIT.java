package org.puente.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Accounts;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.ServerLog;
import org.puente.testing.TestClock;
import org.puente.testing.TestEnvironment;
import org.puente.testing.TestEvents;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Events: registering, confirming by e-mail, capacity and waitlist, and an address kept from the public")
class EventsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    URI portal;
    WebSession visitor;

    @BeforeEach
    void newVisitor() throws Exception {
        portal = base.toURI();
        visitor = new WebSession(portal);
    }

    /** How an event is arranged for a test: its place, its disclosure, its capacity. */
    record Arranged(String slug, String street, String postalCode, String venue) {}

    /**
     * A published in-person event straight in the database, starting {@code daysAhead} days from the portal's
     * now at 19:00 in {@code zone}; its street address is unique to it, so a search for it anywhere finds only it.
     */
    static Arranged publishedEvent(
            URI portal, String prefix, String disclosure, Integer capacity, int maxGuests, String zone, int daysAhead)
            throws Exception {
        String slug = prefix + "-" + System.nanoTime();
        String street = "Calle Secreta " + (System.nanoTime() % 100000);
        String postalCode = "6" + (System.nanoTime() % 10000);
        String venue = "Salón " + (System.nanoTime() % 1000);
        ZonedDateTime start = TestClock.now(portal)
                .atZone(ZoneId.of(zone))
                .plusDays(daysAhead)
                .withHour(19)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        TestEvents.insertEvent(
                slug,
                start.toInstant(),
                start.plusHours(2).toInstant(),
                zone,
                disclosure,
                capacity,
                maxGuests,
                street,
                postalCode,
                venue);
        return new Arranged(slug, street, postalCode, venue);
    }

    /** Registrations of an event by state, e.g. {@code CONFIRMED → 25}. */
    static Map<String, Long> registrations(String slug) throws Exception {
        Map<String, Long> found = new HashMap<>();
        try (Connection db = TestEnvironment.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT r.state, COUNT(*) FROM event_registration r JOIN coalition_event e ON e.id = r.event_id "
                                + "WHERE e.slug = ? GROUP BY r.state")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return found;
    }

    /** Fills in the form on the event's page and sends it (the form's least time passes on the portal's clock). */
    Page register(WebSession who, String slug, String language, Map<String, String> values) {
        Page page = who.get("/events/" + slug + "?lang=" + language);
        assertEquals(200, page.status(), page.text());
        TestClock.fillingInTheForm(portal);
        Map<String, String> all = new HashMap<>(Map.of("firstName", "Lucía", "language", language.toUpperCase()));
        all.putAll(values);
        return who.submit(page, "register", all, "submit");
    }

    /** The link in the first mail to an address: the person's own registration page. */
    static String registrationLink(String email) throws Exception {
        return Mailbox.link(Mailbox.to(email).get(0), "/registration?token=");
    }

    /** A calendar file's text with its folded lines joined again (RFC 5545 folds lines at 75 octets). */
    static String unfolded(String text) {
        return text.replace("\r\n ", "").replace("\n ", "");
    }

    static String calendarPart(MimeMessage mail) throws Exception {
        return Mailbox.part(mail, "text/calendar");
    }

    static VEvent parseEntry(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    @DisplayName("a visitor registers in Spanish and confirms by POST (not GET); the address comes only with the "
            + "confirmed place: in the mail, its calendar file and the registration page")
    void registerInSpanishAndConfirm() throws Exception {
        Arranged event = publishedEvent(portal, "vigil", "AFTER_RSVP", 40, 2, "America/Chicago", 6);
        String email = "lucia-" + System.nanoTime() + "@example.org";

        // No last name, and the alerts box ticked: the supporter it makes keeps the last name unknown.
        Page sent = register(visitor, event.slug(), "es", Map.of("email", email, "guests", "1", "consent", "on"));
        assertTrue(
                sent.uri().getPath().startsWith("/event-check-email"),
                sent.uri().toString());
        assertTrue(sent.text().contains("Revisa tu correo"), sent.text());
        assertEquals(Map.of("PENDING", 1L), registrations(event.slug()));

        MimeMessage first = Mailbox.to(email).get(0);
        assertTrue(first.getSubject().startsWith("Confirma tu inscripción: Vigilia "), first.getSubject());
        String firstText = Mailbox.part(first, "text/plain");
        assertFalse(firstText.contains(event.street()), "the mail that only asks to confirm has no address");
        assertFalse(first.getContentType().startsWith("multipart/mixed"), "no calendar file before confirming");
        String link = registrationLink(email);

        Page pending = visitor.get(link);
        assertEquals("es", pending.lang());
        assertNotNull(pending.document().getElementById("confirm"), "a button to press");
        assertFalse(pending.body().contains(event.street()), "no address before confirming");
        visitor.get(link);
        assertEquals(Map.of("PENDING", 1L), registrations(event.slug()), "a GET (a mail scanner) confirms nothing");

        Page confirmed = visitor.submit(pending, "confirm", Map.of(), "submit");
        assertEquals(200, confirmed.status());
        assertTrue(confirmed.text().contains("Tu lugar está confirmado"), confirmed.text());
        assertTrue(confirmed.document().getElementById("address").text().contains(event.street()));
        assertEquals(Map.of("CONFIRMED", 1L), registrations(event.slug()));
        try (var db = TestEnvironment.database();
                var query = db.prepareStatement(
                        "SELECT first_name, last_name, language FROM supporter WHERE email_canonical = ?")) {
            query.setString(1, email);
            try (var row = query.executeQuery()) {
                assertTrue(row.next(), "the ticked box made them a supporter");
                assertEquals("Lucía", row.getString(1));
                assertNull(row.getString(2), "no last name given, none invented");
                assertEquals("es", row.getString(3));
            }
        }

        Page page = new WebSession(portal).get("/events/" + event.slug() + "?lang=en");
        assertTrue(page.text().contains("2 people going"), "the person and their guest: " + page.text());

        MimeMessage placed = Mailbox.to(email, 2).get(1);
        assertTrue(placed.getSubject().startsWith("Tienes tu lugar: Vigilia "), placed.getSubject());
        assertTrue(Mailbox.part(placed, "text/plain").contains(event.street()), "the confirmed place's mail has it");
        String ics = calendarPart(placed);
        VEvent entry = parseEntry(ics);
        assertTrue(property(entry, "LOCATION").contains(event.street()), ics);
        assertEquals(
                "America/Chicago",
                entry.getProperty("DTSTART")
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue());
        assertTrue(ics.contains("METHOD:REQUEST"), ics);

        Page own = visitor.get("/registration.ics?token=" + link.replaceAll(".*token=([^&]+).*", "$1"));
        assertEquals(200, own.status());
        assertTrue(own.header("Content-Type").startsWith("text/calendar"), own.header("Content-Type"));
        assertTrue(parseEntry(own.body())
                .getProperty("LOCATION")
                .orElseThrow()
                .getValue()
                .contains(event.street()));
    }

    @Test
    @DisplayName("a hidden address appears on no public surface: page and source, Open Graph, lists, home page, "
            + "search filters, calendar files and feeds, error pages, the log")
    void hiddenAddressIsNeverPublic() throws Exception {
        Arranged hidden = publishedEvent(portal, "hidden", "AFTER_RSVP", null, 0, "America/Chicago", 1);
        Arranged shown = publishedEvent(portal, "shown", "PUBLIC", null, 0, "America/Chicago", 1);
        WebSession reader = new WebSession(portal);
        // The lists are read through a cache of a couple of seconds: wait until they hold the new event, so
        // that its absence of an address there means something.
        org.puente.testing.Await.until(
                "the list to show the new event",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> reader.get("/events?lang=en").text().contains("Vigil " + hidden.slug()));
        List<String> surfaces = List.of(
                "/events/" + hidden.slug() + "?lang=en",
                "/events/" + hidden.slug() + "?lang=es",
                "/embed/events/" + hidden.slug() + "?lang=es",
                "/api/v1/events?per_page=100",
                "/events/" + hidden.slug() + ".ics",
                "/events/" + hidden.slug() + ".ics?lang=es",
                "/events?lang=en",
                "/events?lang=es&type=VIGIL&country=US&region=IL",
                "/events?when=past",
                "/events.ics",
                "/events.ics?type=VIGIL",
                "/?lang=en",
                "/?lang=es",
                "/events/" + hidden.slug() + "/nothing-here",
                "/events/" + hidden.slug() + ".json");
        for (String surface : surfaces) {
            Page answer = reader.get(surface);
            assertTrue(answer.status() < 500, surface + " answered " + answer.status());
            for (String secret : List.of(hidden.street(), hidden.postalCode(), hidden.venue())) {
                assertFalse(unfolded(answer.body()).contains(secret), surface + " shows " + secret);
            }
        }
        Page page = reader.get("/events/" + hidden.slug() + "?lang=en");
        assertTrue(page.text().contains("A place of worship in Chicago, IL, United States"), page.text());
        assertTrue(page.text().contains("the exact address goes only to people whose registration is confirmed"));
        assertTrue(
                page.document().select("a[href^=https://www.openstreetmap.org]").isEmpty(), "no map link");
        assertTrue(page.document()
                .select("meta[property=og:description]")
                .attr("content")
                .contains("PM"));

        Page publicOne = reader.get("/events/" + shown.slug() + "?lang=en");
        assertTrue(publicOne.text().contains(shown.street()), "a public address is on its page");
        assertFalse(publicOne
                .document()
                .select("a[href^=https://www.openstreetmap.org/search]")
                .isEmpty());
        assertTrue(
                unfolded(reader.get("/events/" + shown.slug() + ".ics").body()).contains(shown.street()));
        assertTrue(
                unfolded(reader.get("/events.ics").body()).contains(shown.street()), "the feed holds the public one");

        String log = ServerLog.read();
        assertFalse(log.contains(hidden.street()), "the log never names a hidden address");
    }

    @Test
    @DisplayName("the same Gmail address with dots and a +tag is the same person: the same answer, one registration")
    void duplicatesByCanonicalEmail() throws Exception {
        Arranged event = publishedEvent(portal, "dupes", "AFTER_RSVP", null, 0, "America/Chicago", 3);
        String user = "ana" + System.nanoTime();
        Page first = register(visitor, event.slug(), "en", Map.of("email", user + "@gmail.com"));
        Page second = register(
                new WebSession(portal),
                event.slug(),
                "en",
                Map.of("email", user.charAt(0) + "." + user.substring(1) + "+rsvp@gmail.com"));
        assertEquals(first.uri().getPath(), second.uri().getPath());
        assertEquals(first.text(), second.text(), "nobody can learn who registered");
        assertEquals(Map.of("PENDING", 1L), registrations(event.slug()));
    }

    @Test
    @DisplayName("60 people confirm at the same moment for 25 places: exactly 25 confirmed and 35 waitlisted, "
            + "in order; a cancellation promotes exactly one, and two at once promote two")
    void capacityWaitlistAndPromotion() throws Exception {
        Arranged event = publishedEvent(portal, "full", "AFTER_RSVP", 25, 0, "America/Chicago", 4);
        Page page = visitor.get("/events/" + event.slug() + "?lang=en");
        Map<String, String> fields = WebSession.fields(page, "register");
        String action = page.document().getElementById("register").attr("action");
        TestClock.fillingInTheForm(portal);
        String run = "crowd-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> links = new ArrayList<>();
        try {
            List<Future<Page>> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Map<String, String> mine = new HashMap<>(fields);
                mine.putAll(Map.of(
                        "register:firstName",
                        "Persona " + i,
                        "register:email",
                        run + "-" + i + "@example.org",
                        "register:language",
                        i % 2 == 0 ? "EN" : "ES",
                        "register:submit",
                        "register:submit"));
                sent.add(pool.submit(() -> new WebSession(portal).postForm(action, mine)));
            }
            for (Future<Page> answer : sent) {
                assertTrue(
                        answer.get().uri().getPath().startsWith("/event-check-email"),
                        answer.get().uri().toString());
            }
            for (int i = 0; i < 60; i++) {
                links.add(registrationLink(run + "-" + i + "@example.org"));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Page>> confirmed = new ArrayList<>();
            for (String link : links) {
                WebSession person = new WebSession(portal);
                Page pending = person.get(link);
                confirmed.add(pool.submit(() -> {
                    go.await();
                    return person.submit(pending, "confirm", Map.of(), "submit");
                }));
            }
            go.countDown();
            for (Future<Page> answer : confirmed) {
                assertEquals(200, answer.get().status(), answer.get().text());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("CONFIRMED", 25L, "WAITLISTED", 35L), registrations(event.slug()));
        List<Long> positions = new ArrayList<>();
        List<Instant> confirmedAt = new ArrayList<>();
        try (Connection db = TestEnvironment.database();
                PreparedStatement query = db.prepareStatement(
                        "SELECT r.waitlist_position, r.confirmed_at FROM event_registration r JOIN coalition_event e "
                                + "ON e.id = r.event_id WHERE e.slug = ? AND r.state = 'WAITLISTED' "
                                + "ORDER BY r.waitlist_position")) {
            query.setString(1, event.slug());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                    confirmedAt.add(rs.getTimestamp(2).toInstant());
                }
            }
        }
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 35).boxed().toList(), positions, "1 to 35, no gaps");
        for (int i = 1; i < confirmedAt.size(); i++) {
            assertFalse(confirmedAt.get(i).isBefore(confirmedAt.get(i - 1)), "in the order they confirmed");
        }

        String head = emailAtPosition(event.slug(), 1);
        String second = emailAtPosition(event.slug(), 2);
        String third = emailAtPosition(event.slug(), 3);
        assertTrue(Mailbox.to(head).stream()
                .anyMatch(m -> subject(m).contains("waitlist") || subject(m).contains("lista de espera")));

        cancelAsAttendee(confirmedEmail(event.slug(), 0));
        assertEquals(Map.of("CONFIRMED", 25L, "WAITLISTED", 34L, "CANCELLED", 1L), registrations(event.slug()));
        assertEquals("CONFIRMED", stateOf(head), "the head of the waitlist got the place");
        List<MimeMessage> headMails = Mailbox.settledTo(portal, head);
        assertEquals(
                1,
                headMails.stream()
                        .filter(m -> subject(m).startsWith("A place is yours")
                                || subject(m).startsWith("Ya tienes lugar"))
                        .count(),
                "told once");
        assertFalse(
                Mailbox.part(headMails.get(headMails.size() - 1), "text/calendar")
                        .isEmpty(),
                "with the calendar file");

        String a = confirmedEmail(event.slug(), 1);
        String b = confirmedEmail(event.slug(), 2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> both = new ArrayList<>();
            for (String email : List.of(a, b)) {
                WebSession person = new WebSession(portal);
                Page own = person.get(registrationLink(email));
                both.add(two.submit(() -> {
                    go.await();
                    return person.submit(own, "cancel", Map.of(), "submit");
                }));
            }
            go.countDown();
            for (Future<?> answer : both) {
                answer.get();
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(Map.of("CONFIRMED", 25L, "WAITLISTED", 32L, "CANCELLED", 3L), registrations(event.slug()));
        assertEquals("CONFIRMED", stateOf(second));
        assertEquals("CONFIRMED", stateOf(third));
        assertEquals("WAITLISTED", stateOf(emailAtPosition(event.slug(), 4)), "the fourth still waits");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void cancelAsAttendee(String email) throws Exception {
        WebSession person = new WebSession(portal);
        Page own = person.get(registrationLink(email));
        Page done = person.submit(own, "cancel", Map.of(), "submit");
        assertEquals(200, done.status());
    }

    static String emailAtPosition(String slug, int position) throws Exception {
        return single(
                "SELECT r.email FROM event_registration r JOIN coalition_event e ON e.id = r.event_id "
                        + "WHERE e.slug = ? AND r.waitlist_position = " + position,
                slug);
    }

    static String confirmedEmail(String slug, int index) throws Exception {
        return single(
                "SELECT r.email FROM event_registration r JOIN coalition_event e ON e.id = r.event_id "
                        + "WHERE e.slug = ? AND r.state = 'CONFIRMED' AND r.waitlist_position IS NULL ORDER BY r.id LIMIT 1 OFFSET "
                        + index,
                slug);
    }

    static String stateOf(String email) throws Exception {
        return single("SELECT state FROM event_registration WHERE email = ?", email);
    }

    static String single(String sql, String parameter) throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), sql + " found nothing for " + parameter);
                return rs.getString(1);
            }
        }
    }

    static long eventId(String slug) throws Exception {
        return Long.parseLong(single("SELECT id FROM coalition_event WHERE slug = ?", slug));
    }

    @Test
    @DisplayName("the OSDI/HAL API lists events with their zone and offset, never a hidden address, and records an "
            + "attendance under the form's rules: 202 and a mail in the person's language, 400, 404, 409")
    void jsonApi() throws Exception {
        Arranged hidden = publishedEvent(portal, "api-hidden", "AFTER_RSVP", 30, 1, "America/Guatemala", 2);
        Arranged open = publishedEvent(portal, "api-public", "PUBLIC", null, 0, "America/Chicago", 2);
        WebSession client = new WebSession(portal);
        Page list = client.get("/api/v1/events?per_page=100&lang=es");
        assertEquals(200, list.status());
        assertTrue(list.header("Content-Type").startsWith("application/hal+json"));
        assertTrue(list.body().contains("\"osdi:events\""), list.body());
        for (String secret : List.of(hidden.street(), hidden.postalCode(), hidden.venue())) {
            assertFalse(list.body().contains(secret), "the API never shows a hidden " + secret);
        }
        long id = eventId(hidden.slug());
        Page one = client.get("/api/v1/events/" + id + "?lang=es");
        assertEquals(200, one.status());
        jakarta.json.JsonObject json =
                jakarta.json.Json.createReader(new StringReader(one.body())).readObject();
        assertEquals("Vigilia " + hidden.slug(), json.getString("title"));
        assertEquals("America/Guatemala", json.getString("puente:timezone"));
        assertEquals("after_rsvp", json.getString("puente:location_disclosure"));
        assertTrue(json.getString("start_date").endsWith("-06:00"), json.getString("start_date"));
        assertEquals("Chicago", json.getJsonObject("location").getString("locality"));
        assertFalse(json.getJsonObject("location").containsKey("address_lines"));
        assertEquals(30, json.getInt("capacity"));
        jakarta.json.JsonObject shown = jakarta.json.Json.createReader(new StringReader(
                        client.get("/api/v1/events/" + eventId(open.slug())).body()))
                .readObject();
        assertEquals(
                open.street(),
                shown.getJsonObject("location").getJsonArray("address_lines").getString(0));

        String email = "api-" + System.nanoTime() + "@example.org";
        String attendance = "{\"person\":{\"given_name\":\"Rosa\",\"email_addresses\":[{\"address\":\"" + email
                + "\"}],\"languages_spoken\":[\"es\"]}}";
        Page accepted = postJson(client, "/api/v1/events/" + id + "/attendances", attendance);
        assertEquals(202, accepted.status(), accepted.body());
        assertTrue(Mailbox.to(email).get(0).getSubject().startsWith("Confirma tu inscripción"));
        assertEquals(Map.of("PENDING", 1L), registrations(hidden.slug()));

        Page invalid = postJson(
                client,
                "/api/v1/events/" + id + "/attendances?lang=es",
                "{\"person\":{\"given_name\":\"Rosa\",\"email_addresses\":[{\"address\":\"no\"}]}}");
        assertEquals(400, invalid.status());
        assertTrue(invalid.body().contains("person.email_addresses"), invalid.body());
        assertEquals(
                404,
                postJson(client, "/api/v1/events/99999999/attendances", attendance)
                        .status());
        try (Connection db = TestEnvironment.database();
                PreparedStatement cancel =
                        db.prepareStatement("UPDATE coalition_event SET state = 'CANCELLED' WHERE slug = ?")) {
            cancel.setString(1, hidden.slug());
            cancel.executeUpdate();
        }
        assertEquals(
                409,
                postJson(client, "/api/v1/events/" + id + "/attendances", attendance)
                        .status());
    }

    static Page postJson(WebSession client, String path, String json) {
        return client.postBody(path, "application/json", json);
    }

    @Test
    @DisplayName("a day before the event each confirmed attendee is reminded once, in their language; a person who "
            + "confirmed after that time is not reminded late; the host's second reminder hours before goes once too")
    void remindersOnce() throws Exception {
        Arranged event = publishedEvent(portal, "reminded", "AFTER_RSVP", null, 0, "America/Chicago", 3);
        String early = "early-" + System.nanoTime() + "@example.org";
        register(visitor, event.slug(), "es", Map.of("email", early));
        WebSession person = new WebSession(portal);
        Page pending = person.get(registrationLink(early));
        person.submit(pending, "confirm", Map.of(), "submit");
        assertEquals("CONFIRMED", stateOf(early));

        Instant start = Instant.parse(single(
                "SELECT DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i:%sZ') FROM coalition_event WHERE slug = ?",
                event.slug()));
        Duration untilReminder = Duration.between(TestClock.now(portal), start.minus(Duration.ofHours(23)));
        TestClock.advance(portal, untilReminder);
        org.puente.testing.Await.until(
                "the reminder",
                Duration.ofSeconds(20),
                Duration.ofMillis(200),
                () -> Mailbox.to(early, 1).stream().anyMatch(m -> subject(m).startsWith("Mañana:")));

        String late = "late-" + System.nanoTime() + "@example.org";
        register(new WebSession(portal), event.slug(), "en", Map.of("email", late));
        WebSession latecomer = new WebSession(portal);
        latecomer.submit(latecomer.get(registrationLink(late)), "confirm", Map.of(), "submit");
        assertEquals("CONFIRMED", stateOf(late));
        org.puente.testing.Await.until(
                "the late one to be looked at",
                Duration.ofSeconds(20),
                Duration.ofMillis(200),
                () -> single("SELECT COALESCE(reminded_at, '') FROM event_registration WHERE email = ?", late)
                                .length()
                        > 0);
        assertEquals(
                1,
                Mailbox.settledTo(portal, early).stream()
                        .filter(m -> subject(m).startsWith("Mañana:"))
                        .count(),
                "reminded once");
        assertEquals(
                0,
                Mailbox.settledTo(portal, late).stream()
                        .filter(m -> subject(m).startsWith("Tomorrow:"))
                        .count(),
                "no late reminder");

        // The host's second reminder, three hours before: both confirmed people before that time get it, once.
        try (Connection db = TestEnvironment.database();
                PreparedStatement second =
                        db.prepareStatement("UPDATE coalition_event SET second_reminder_hours = 3 WHERE slug = ?")) {
            second.setString(1, event.slug());
            second.executeUpdate();
        }
        TestClock.advance(portal, Duration.between(TestClock.now(portal), start.minus(Duration.ofHours(2))));
        org.puente.testing.Await.until(
                "the second reminders",
                Duration.ofSeconds(20),
                Duration.ofMillis(200),
                () -> Mailbox.to(early, 1).stream().anyMatch(m -> subject(m).startsWith("Pronto:"))
                        && Mailbox.to(late, 1).stream().anyMatch(m -> subject(m).startsWith("Soon:")));
        assertEquals(
                1,
                Mailbox.settledTo(portal, early).stream()
                        .filter(m -> subject(m).startsWith("Pronto:"))
                        .count(),
                "the second reminder once");
        assertEquals(
                1,
                Mailbox.settledTo(portal, late).stream()
                        .filter(m -> subject(m).startsWith("Soon:"))
                        .count(),
                "in the person's language, once");
    }

    @Test
    @DisplayName("reading an event, registering and opening one's registration create no session; the page may be "
            + "cached briefly for anonymous readers, the registration page never")
    void sessionlessAndCacheable() throws Exception {
        Arranged event = publishedEvent(portal, "stateless", "AFTER_RSVP", null, 0, "America/Chicago", 3);
        Page page = visitor.get("/events/" + event.slug() + "?lang=en");
        assertEquals("public, max-age=5, s-maxage=5", page.header("Cache-Control"));
        String email = "stateless-" + System.nanoTime() + "@example.org";
        register(visitor, event.slug(), "en", Map.of("email", email));
        Page own = visitor.get(registrationLink(email));
        assertEquals(200, own.status());
        assertEquals("private, no-store", own.header("Cache-Control"), "a personal page is never kept");
        assertTrue(visitor.cookie("JSESSIONID").isEmpty(), "no session was created");
        Page ics = visitor.get("/events/" + event.slug() + ".ics");
        assertTrue(ics.header("ETag") != null && ics.header("Last-Modified") != null);
        Page notModified = new WebSession(portal)
                .header("If-None-Match", ics.header("ETag"))
                .get("/events/" + event.slug() + ".ics");
        assertEquals(304, notModified.status(), "a subscribed calendar asking again costs nothing");
    }

    @Test
    @DisplayName("a Tijuana and a Mexico City event at 7 PM on the US daylight-saving change day show 7 PM each, "
            + "in their own zone, and their calendar files say so")
    void zonesAcrossTheBorder() throws Exception {
        // 2027-03-14: the US and Tijuana move their clocks; Mexico City (no DST since 2022) does not.
        ZonedDateTime tijuana = ZonedDateTime.of(2027, 3, 14, 19, 0, 0, 0, ZoneId.of("America/Tijuana"));
        ZonedDateTime mexico = ZonedDateTime.of(2027, 3, 14, 19, 0, 0, 0, ZoneId.of("America/Mexico_City"));
        String tj = "tijuana-" + System.nanoTime();
        String cdmx = "cdmx-" + System.nanoTime();
        TestEvents.insertEvent(
                tj,
                tijuana.toInstant(),
                tijuana.plusHours(1).toInstant(),
                "America/Tijuana",
                "PUBLIC",
                null,
                0,
                "Av. Revolución 1",
                "22000",
                "Plaza");
        TestEvents.insertEvent(
                cdmx,
                mexico.toInstant(),
                mexico.plusHours(1).toInstant(),
                "America/Mexico_City",
                "PUBLIC",
                null,
                0,
                "Zócalo 1",
                "06000",
                "Plaza");
        Page tjPage = visitor.get("/events/" + tj + "?lang=en");
        assertTrue(tjPage.text().contains("Sunday, March 14, 2027 · 7:00 PM – 8:00 PM PDT"), tjPage.text());
        Page cdmxPage = visitor.get("/events/" + cdmx + "?lang=es");
        assertTrue(cdmxPage.text().contains("domingo, 14 de marzo de 2027 · 19:00 – 20:00 CST"), cdmxPage.text());

        VEvent tjEntry = parseEntry(visitor.get("/events/" + tj + ".ics").body());
        assertEquals(
                "America/Tijuana",
                tjEntry.getProperty("DTSTART")
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue());
        assertTrue(property(tjEntry, "DTSTART").startsWith("20270314T190000"), property(tjEntry, "DTSTART"));
        VEvent cdmxEntry = parseEntry(visitor.get("/events/" + cdmx + ".ics").body());
        assertTrue(property(cdmxEntry, "DTSTART").startsWith("20270314T190000"), property(cdmxEntry, "DTSTART"));
        assertEquals(
                Duration.ofHours(1),
                Duration.between(tijuana.toInstant(), mexico.toInstant()).abs(),
                "an hour apart in real time that day");
    }

    @Test
    @DisplayName("registering for a cancelled or past event gets a clear page in the visitor's language, not an "
            + "error; guests over the limit are refused; an unknown event is a 404")
    void closedEventsAndBadInput() throws Exception {
        Arranged event = publishedEvent(portal, "bad-input", "AFTER_RSVP", null, 1, "America/Chicago", 2);
        Page page = visitor.get("/events/" + event.slug() + "?lang=es");
        TestClock.fillingInTheForm(portal);
        Map<String, String> fields = WebSession.fields(page, "register");
        String action = page.document().getElementById("register").attr("action");
        fields.putAll(Map.of(
                "register:firstName", "Rosa",
                "register:email", "rosa-" + System.nanoTime() + "@example.org",
                "register:guests", "7",
                "register:submit", "register:submit"));
        Page tooMany = visitor.postForm(action, fields);
        assertTrue(tooMany.status() < 500, tooMany.text());
        assertTrue(registrations(event.slug()).isEmpty(), "nothing saved");

        Page empty = visitor.submit(page, "register", Map.of("firstName", "", "email", "not-an-address"), "submit");
        assertEquals(422, empty.status(), "refused input is a 4xx");
        assertTrue(empty.text().contains("Escribe tu nombre") || empty.text().contains("nombre"), empty.text());
        assertTrue(registrations(event.slug()).isEmpty());

        try (Connection db = TestEnvironment.database();
                PreparedStatement cancel =
                        db.prepareStatement("UPDATE coalition_event SET state = 'CANCELLED' WHERE slug = ?")) {
            cancel.setString(1, event.slug());
            cancel.executeUpdate();
        }
        // Pages read events through a cache of a couple of seconds; registering reads the database at once.
        org.puente.testing.Await.until(
                "the page to show the cancellation",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> visitor.get("/events/" + event.slug() + "?lang=es").text().contains("Este evento se canceló."));
        Page cancelled = visitor.get("/events/" + event.slug() + "?lang=es");
        assertEquals(200, cancelled.status());
        assertTrue(cancelled.text().contains("Este evento se canceló."), cancelled.text());
        assertNull(cancelled.document().getElementById("register"), "no form");
        fields.put("register:guests", "0");
        Page late = visitor.postForm(action, fields);
        assertTrue(late.status() < 500, late.text());
        assertTrue(registrations(event.slug()).isEmpty());

        assertEquals(
                404, visitor.get("/events/no-such-event-" + System.nanoTime()).status());
    }

    @Test
    @DisplayName("the registration widget may be framed by other sites, with the wording of its type; registering "
            + "there answers with the widgets' compact \"check your e-mail\", framed too, in the visitor's language")
    void embeddableWidget() throws Exception {
        Arranged event = publishedEvent(portal, "widget", "AFTER_RSVP", null, 0, "America/Chicago", 3);
        Page widget = visitor.get("/embed/events/" + event.slug() + "?lang=es");
        assertEquals(200, widget.status());
        assertTrue(widget.header("Content-Security-Policy").contains("frame-ancestors *"));
        assertNull(widget.header("X-Frame-Options"));
        assertEquals(
                "Acompáñanos en la vigilia",
                widget.document().getElementById("register-heading").text());
        assertEquals(
                "Voy a ir", widget.document().getElementById("register:submit").val());

        String email = "widget-" + System.nanoTime() + "@example.org";
        TestClock.fillingInTheForm(portal);
        Page answer = visitor.submit(
                widget, "register", Map.of("firstName", "Iframe", "email", email, "language", "ES"), "submit");
        assertTrue(
                answer.uri().getPath().startsWith("/embed/check-email"),
                answer.uri().toString());
        assertEquals(200, answer.status());
        assertTrue(
                answer.header("Content-Security-Policy").contains("frame-ancestors *"),
                "the answer shows in the frame");
        assertNull(answer.header("X-Frame-Options"));
        assertNull(answer.document().selectFirst("header.site-header"), "a compact page");
        assertEquals("es", answer.lang());
        assertTrue(answer.text().contains("Revisa tu correo"), answer.text());
        assertTrue(
                answer.text().contains("confirmar tu inscripción"),
                "a registration's wording, not a signature's: " + answer.text());
        assertEquals(Map.of("PENDING", 1L), registrations(event.slug()));
    }

    void confirmAsAttendee(String email) throws Exception {
        WebSession person = new WebSession(portal);
        Page done = person.submit(person.get(registrationLink(email)), "confirm", Map.of(), "submit");
        assertEquals(200, done.status());
    }

    @Test
    @DisplayName("a supporter erased from the list gives up their place as a cancellation does: the head of the "
            + "waitlist gets it and is told once; the erased person gets no mail and their registration is gone")
    void erasureFreesThePlace() throws Exception {
        Arranged event = publishedEvent(portal, "erased", "AFTER_RSVP", 1, 0, "America/Chicago", 5);
        String run = "erased-" + System.nanoTime();
        String leaving = run + "-a@example.org";
        String waiting = run + "-b@example.org";
        register(visitor, event.slug(), "es", Map.of("lastName", "Borrada", "email", leaving, "consent", "on"));
        confirmAsAttendee(leaving);
        register(new WebSession(portal), event.slug(), "en", Map.of("email", waiting));
        confirmAsAttendee(waiting);
        assertEquals("CONFIRMED", stateOf(leaving));
        assertEquals("WAITLISTED", stateOf(waiting));
        int mailsBefore = Mailbox.settledTo(portal, leaving).size();

        String supporter = single("SELECT id FROM supporter WHERE email_canonical = ?", leaving);
        WebSession staff = Accounts.admin(new WebSession(portal));
        Page details = staff.get("/admin/supporter?id=" + supporter + "&lang=en");
        Page forgotten = staff.submit(details, "forget", Map.of("confirm", "on"), "submit");
        assertTrue(forgotten.messages().contains("has been deleted"), forgotten.messages());

        assertEquals(Map.of("CONFIRMED", 1L), registrations(event.slug()), "the erased person's row is gone");
        assertEquals("CONFIRMED", stateOf(waiting), "the head of the waitlist got the place");
        assertEquals(
                1,
                Mailbox.settledTo(portal, waiting).stream()
                        .filter(m -> subject(m).startsWith("A place is yours"))
                        .count(),
                "told once");
        assertEquals(mailsBefore, Mailbox.settledTo(portal, leaving).size(), "no mail to the erased person");
    }
}
