package org.puente.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Accounts;
import org.puente.testing.Await;
import org.puente.testing.Deployments;
import org.puente.testing.Mailbox;
import org.puente.testing.TestClock;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Hosting events: an editor posts, staff publish, the host moves or cancels it, the roster and the door")
class EventHostingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    URI portal;

    @BeforeEach
    void portal() throws Exception {
        portal = base.toURI();
    }

    /** A valid vigil for the event form, {@code days} ahead (by the portal's clock) in Chicago. */
    Map<String, String> vigil(String title, String slug, String street, int days) {
        LocalDate date = TestClock.now(portal)
                .atZone(ZoneId.of("America/Chicago"))
                .toLocalDate()
                .plusDays(days);
        Map<String, String> fields = new HashMap<>();
        fields.putAll(Map.of(
                "titleEn", title,
                "titleEs", "Vigilia " + title,
                "summaryEn", "We pray for families.",
                "summaryEs", "Oramos por las familias.",
                "type", "VIGIL",
                "date", date.toString(),
                "startTime", "19:00",
                "endTime", "20:30",
                "timeZone", "America/Chicago",
                "attendance", "IN_PERSON"));
        fields.putAll(Map.of(
                "disclosure", "AFTER_RSVP",
                "venueKind", "PLACE_OF_WORSHIP",
                "venueName", "Parish hall",
                "streetAddress", street,
                "city", "Chicago",
                "region", "IL",
                "postalCode", "60608",
                "country", "US",
                "capacity", "2",
                "slug", slug));
        return fields;
    }

    static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> changed = new HashMap<>(fields);
        changed.put(name, value);
        return changed;
    }

    static VEvent entry(MimeMessage mail) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(Mailbox.part(mail, "text/calendar")));
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    /** A row action button of the admin list's row that names {@code text}. */
    static String buttonInRow(Page page, String text, String idSuffix) {
        for (Element row : page.document().select("tr, li")) {
            if (row.text().contains(text)) {
                Element button = row.selectFirst("[id$=" + idSuffix + "]");
                if (button != null) {
                    return button.id();
                }
            }
        }
        throw new AssertionError("no " + idSuffix + " for " + text + " in " + page.text());
    }

    @Test
    @DisplayName("an editor posts a vigil in both languages with its address hidden until RSVP; bad input is refused "
            + "by field; staff approve it; an attendee hears of the move by an hour and of the cancellation, with "
            + "calendar entries of a higher SEQUENCE; the host checks people in; another organization's editor "
            + "cannot see the roster")
    void postReviewMoveCancel() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        long voces = Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization");
        long frontera = Accounts.idInRow(admin.get("/admin/organizations"), "Frontera Family Network", "organization");
        WebSession editor = Accounts.newEditor(admin, new WebSession(portal), voces);
        WebSession outsider = Accounts.newEditor(admin, new WebSession(portal), frontera);

        String title = "Vigil for families " + System.nanoTime();
        String slug = "vigil-" + System.nanoTime();
        String street = "Calle Privada " + (System.nanoTime() % 100000);
        Map<String, String> good = vigil(title, slug, street, 10);
        Page form = editor.get("/admin/event?lang=en");
        assertEquals(200, form.status(), form.text());

        Page backwards = editor.submit(form, "form", with(good, "endTime", "18:00"), "save");
        assertTrue(backwards.messages().contains("must end after it starts"), backwards.messages());
        Page past = editor.submit(form, "form", with(good, "date", "2020-01-01"), "save");
        assertTrue(past.messages().contains("cannot start in the past"), past.messages());
        Page script = editor.submit(
                form, "form", with(with(good, "attendance", "BOTH"), "onlineUrl", "javascript:alert(1)"), "save");
        assertTrue(script.messages().contains("must be a web address starting with https://"), script.messages());
        for (String capacity : List.of("0", "1000000")) {
            Page wrong = editor.submit(form, "form", with(good, "capacity", capacity), "save");
            assertTrue(wrong.messages().contains("from 1 to 100,000"), capacity + ": " + wrong.messages());
        }
        Page huge = editor.submit(
                form, "form", with(good, "descriptionEn_input", "<p>" + "a".repeat(30_000) + "</p>"), "save");
        assertTrue(huge.status() < 500, "a very long description is refused, not a 500");
        assertFalse(editor.get("/admin/events").text().contains(title), "nothing saved by refused forms");

        Map<String, String> withPicture =
                with(with(good, "imageAltEn", "Candles on the steps"), "imageAltEs", "Velas en la escalinata");
        Page saved = editor.submitWithFiles(
                form,
                "form",
                withPicture,
                "save",
                Map.of("form:image", Map.entry("vigil.png", org.puente.testing.TestImages.png(640, 320))));
        assertTrue(saved.messages().contains("Saved: " + title), saved.messages());
        long picture = EventsIT.eventId(slug);
        assertEquals(404, new WebSession(portal).get("/event-images/" + picture).status(), "not public in a draft");
        assertEquals(200, editor.get("/event-images/" + picture).status(), "its hosts see it");
        assertTrue(saved.text().contains("Draft"), saved.text());
        Page submitted = editor.submit(saved, "list", Map.of(), buttonInRow(saved, title, ":submit"));
        assertTrue(submitted.messages().contains("sent to the coalition staff"), submitted.messages());
        assertEquals(404, new WebSession(portal).get("/events/" + slug).status(), "not public while in review");
        assertTrue(
                Mailbox.to(org.puente.testing.TestEnvironment.ADMIN_EMAIL).stream()
                        .anyMatch(m -> subject(m).equals("Event to review: " + title)),
                "staff are told");

        Page list = admin.get("/admin/events?lang=en");
        Page approved = admin.submit(list, "list", Map.of(), buttonInRow(list, title, ":approve"));
        assertTrue(approved.messages().contains("The event is published."), approved.messages());
        Page publicPage = new WebSession(portal).get("/events/" + slug + "?lang=es");
        assertEquals(200, publicPage.status());
        assertTrue(publicPage.text().contains("Vigilia " + title));
        assertFalse(publicPage.body().contains(street));
        assertEquals(
                "Velas en la escalinata",
                publicPage.document().select("img.petition__image").attr("alt"));
        String ogImage = publicPage.document().select("meta[property=og:image]").attr("content");
        assertTrue(ogImage.contains("/event-images/" + picture), ogImage);
        Page image = new WebSession(portal).get("/event-images/" + picture);
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type"));

        long id = EventsIT.eventId(slug);
        assertEquals(403, outsider.get("/admin/event-roster?id=" + id).status(), "another organization's editor");
        assertEquals(403, outsider.get("/admin/event-roster.csv?id=" + id).status());
        assertEquals(403, outsider.get("/admin/event?id=" + id).status());

        String email = "asistente-" + System.nanoTime() + "@example.org";
        WebSession attendee = new WebSession(portal);
        Page page = attendee.get("/events/" + slug + "?lang=es");
        TestClock.fillingInTheForm(portal);
        attendee.submit(
                page,
                "register",
                Map.of("firstName", "=1+2", "lastName", "Xoc", "email", email, "language", "ES"),
                "submit");
        Page own = attendee.get(EventsIT.registrationLink(email));
        attendee.submit(own, "confirm", Map.of(), "submit");
        MimeMessage placed = Mailbox.to(email, 2).get(1);
        assertEquals("0", value(entry(placed), "SEQUENCE"));

        Page edit = editor.get("/admin/event?id=" + id + "&lang=en");
        Page moved = editor.submit(
                edit, "form", Map.of("startTime", "20:00", "endTime", "21:30", "note", "Nos vemos a las 8"), "save");
        assertTrue(moved.messages().contains("Saved: " + title), moved.messages());
        MimeMessage change = Mailbox.to(email, 3).get(2);
        assertTrue(subject(change).startsWith("Cambio: Vigilia "), subject(change));
        String text = Mailbox.part(change, "text/plain");
        assertTrue(text.contains("20:00") && text.contains(street) && text.contains("Nos vemos a las 8"), text);
        VEvent updated = entry(change);
        assertEquals("1", value(updated, "SEQUENCE"));
        assertTrue(value(updated, "DTSTART").endsWith("T200000"), value(updated, "DTSTART"));
        assertTrue(Mailbox.part(change, "text/calendar").contains("METHOD:REQUEST"));

        Page roster = editor.get("/admin/event-roster?id=" + id + "&lang=en");
        assertTrue(roster.text().contains("=1+2 Xoc"), roster.text());
        assertTrue(roster.text().contains("0 checked in of 1 place confirmed"), roster.text());
        Page checked =
                editor.submit(roster, "roster", Map.of("=id", String.valueOf(id)), buttonInRow(roster, "Xoc", ":in"));
        assertTrue(checked.text().contains("1 checked in of 1 place confirmed"), checked.text());
        Page csv = editor.get("/admin/event-roster.csv?id=" + id + "&lang=en");
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body().contains("'=1+2"), "a formula is neutralized: " + csv.body());
        assertTrue(csv.body().contains(email));

        Page events = editor.get("/admin/events?lang=en");
        Map<String, String> cancel = new HashMap<>();
        String sure = buttonInRow(events, title, ":sure");
        cancel.put(sure, "on");
        cancel.put(sure.replace(":sure", ":note"), "Tormenta de nieve");
        Page cancelled = editor.submit(events, "list", cancel, buttonInRow(events, title, ":cancel"));
        assertTrue(cancelled.messages().contains("The event is cancelled"), cancelled.messages());
        MimeMessage off = Mailbox.to(email, 4).get(3);
        assertTrue(subject(off).startsWith("Cancelado: Vigilia "), subject(off));
        assertTrue(Mailbox.part(off, "text/plain").contains("Tormenta de nieve"));
        String ics = Mailbox.part(off, "text/calendar");
        assertTrue(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"), ics);
        assertEquals("2", value(entry(off), "SEQUENCE"));
        Page shown = new WebSession(portal).get("/events/" + slug + "?lang=en");
        assertTrue(shown.text().contains("This event has been cancelled."), shown.text());
        assertTrue(new WebSession(portal).get("/events/" + slug + ".ics").body().contains("STATUS:CANCELLED"));
    }

    @Test
    @DisplayName("staff trust an organization with its events: its editor's next event is published without review, "
            + "and the editor is told; staff take the trust back and events go to review again")
    void trustedOrganization() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        Page organizations = admin.get("/admin/organizations?lang=en");
        long santuario = Accounts.idInRow(organizations, "Santuario Faith Alliance", "organization");
        String editorEmail = "trusted-" + System.nanoTime() + "@puente.test";
        WebSession editor = Accounts.newEditor(admin, new WebSession(portal), santuario, "ES", editorEmail);
        Page trusted = admin.submit(
                organizations, "list", Map.of(), buttonInRow(organizations, "Santuario Faith Alliance", ":trust"));
        assertTrue(trusted.messages().contains("published without review"), trusted.messages());
        try {
            String title = "Trusted vigil " + System.nanoTime();
            String slug = "trusted-" + System.nanoTime();
            Page saved = editor.submit(
                    editor.get("/admin/event?lang=en"), "form", vigil(title, slug, "Calle Confiada 1", 12), "save");
            Page published = editor.submit(saved, "list", Map.of(), buttonInRow(saved, title, ":submit"));
            assertTrue(published.messages().contains("The event is published."), published.messages());
            assertEquals(200, new WebSession(portal).get("/events/" + slug).status(), "public at once");
            assertTrue(
                    Mailbox.to(editorEmail).stream().anyMatch(m -> subject(m).startsWith("Publicado: ")),
                    "the editor is told, in Spanish");
        } finally {
            Page list = admin.get("/admin/organizations?lang=en");
            admin.submit(list, "list", Map.of(), buttonInRow(list, "Santuario Faith Alliance", ":untrust"));
        }
        String title = "Reviewed vigil " + System.nanoTime();
        Page saved = editor.submit(
                editor.get("/admin/event?lang=en"),
                "form",
                vigil(title, "reviewed-" + System.nanoTime(), "Calle Revisada 1", 12),
                "save");
        Page submitted = editor.submit(saved, "list", Map.of(), buttonInRow(saved, title, ":submit"));
        assertTrue(submitted.messages().contains("sent to the coalition staff"), submitted.messages());
    }

    @Test
    @DisplayName("a host messages the attendees once in both languages: each confirmed person gets it in their own "
            + "language with their name and their registration link, not the waitlist, not someone who cancelled; "
            + "sending the same message again sends nothing; another organization's editor cannot")
    void messageTheAttendees() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        long voces = Accounts.idInRow(admin.get("/admin/organizations"), "Voces Unidas de Chicago", "organization");
        long frontera = Accounts.idInRow(admin.get("/admin/organizations"), "Frontera Family Network", "organization");
        WebSession editor = Accounts.newEditor(admin, new WebSession(portal), voces);
        WebSession outsider = Accounts.newEditor(admin, new WebSession(portal), frontera);
        String title = "Messaged vigil " + System.nanoTime();
        String slug = "messaged-" + System.nanoTime();
        long id = postAndApprove(editor, admin, vigil(title, slug, "Calle Mensaje 1", 9));

        long n = System.nanoTime();
        String ana = "ana-" + n + "@example.org";
        String bea = "bea-" + n + "@example.org";
        String cruz = "cruz-" + n + "@example.org";
        register(slug, "Ana", ana, "EN");
        register(slug, "Bea", bea, "ES");
        register(slug, "Cruz", cruz, "ES"); // capacity 2: waitlisted

        assertEquals(403, outsider.get("/admin/attendee-message?event=" + id).status(), "not their event");
        Page compose = editor.get("/admin/attendee-message?event=" + id + "&lang=en");
        assertEquals(200, compose.status(), compose.text());
        Page incomplete = editor.submit(compose, "form", Map.of("subjectEn", "Bring a candle"), "review");
        assertTrue(incomplete.messages().contains("Write this in both languages"), incomplete.messages());
        Page review = editor.submit(
                compose,
                "form",
                Map.of(
                        "subjectEn", "Bring a candle",
                        "bodyEn_input", "<p>Hi {first_name}, bring a candle.</p>",
                        "subjectEs", "Trae una vela",
                        "bodyEs_input", "<p>Hola {nombre}, trae una vela.</p>"),
                "review");
        assertTrue(
                review.text().contains("This message goes to 2 people: 1 in English and 1 in Spanish."), review.text());
        Page sent = editor.submit(review, "form", Map.of(), "send");
        assertTrue(sent.messages().contains("on its way to 2 people"), sent.messages());

        MimeMessage toAna = Mailbox.to(ana, 3).get(2);
        assertEquals("Bring a candle", subject(toAna));
        String anaText = Mailbox.part(toAna, "text/plain");
        assertTrue(anaText.contains("Hi Ana, bring a candle."), anaText);
        assertTrue(anaText.contains("/registration?token=") && anaText.contains("lang=en"), anaText);
        assertEquals(null, toAna.getHeader("List-Unsubscribe"), "not an alert subscription");
        MimeMessage toBea = Mailbox.to(bea, 3).get(2);
        assertEquals("Trae una vela", subject(toBea));
        assertTrue(Mailbox.part(toBea, "text/plain").contains("Hola Bea, trae una vela."));

        Await.until(
                "the message to be delivered",
                java.time.Duration.ofSeconds(20),
                java.time.Duration.ofMillis(200),
                () -> editor.get("/admin/attendee-message?event=" + id + "&lang=en")
                        .text()
                        .contains("2 of 2 delivered"));
        Page again = editor.submit(review, "form", Map.of(), "send");
        assertTrue(again.messages().contains("already sent"), again.messages());

        // Bea cancels (Cruz gets her place); the next message reaches Ana and Cruz, never Bea.
        WebSession beaSession = new WebSession(portal);
        Page own = beaSession.get(EventsIT.registrationLink(bea));
        beaSession.submit(own, "cancel", Map.of(), "submit");
        Mailbox.to(cruz, 3);
        Page second = editor.submit(
                editor.get("/admin/attendee-message?event=" + id + "&lang=en"),
                "form",
                Map.of(
                        "subjectEn", "Doors at 6",
                        "bodyEn_input", "<p>Doors open at 6.</p>",
                        "subjectEs", "Puertas a las 6",
                        "bodyEs_input", "<p>Las puertas abren a las 6.</p>"),
                "review");
        editor.submit(second, "form", Map.of(), "send");
        Await.until(
                "the second message to be delivered",
                java.time.Duration.ofSeconds(20),
                java.time.Duration.ofMillis(200),
                () -> editor.get("/admin/attendee-message?event=" + id + "&lang=en")
                        .text()
                        .contains("2 of 2 delivered"));
        Mailbox.awaitIdleQueue(portal);
        assertEquals(
                List.of("Puertas a las 6"),
                Mailbox.to(cruz).stream()
                        .map(EventHostingIT::subject)
                        .filter(s -> List.of("Trae una vela", "Puertas a las 6").contains(s))
                        .toList(),
                "the waitlisted person got only the message sent after her promotion");
        assertEquals(
                1,
                Mailbox.to(ana).stream()
                        .filter(m -> subject(m).equals("Bring a candle"))
                        .count(),
                "sent once");
        assertFalse(
                Mailbox.to(bea).stream().anyMatch(m -> subject(m).equals("Puertas a las 6")),
                "not to someone who cancelled");
    }

    /** An editor posts an event and submits it, staff approve it: its id. */
    static long postAndApprove(WebSession editor, WebSession admin, Map<String, String> fields) throws Exception {
        String title = fields.get("titleEn");
        Page saved = editor.submit(editor.get("/admin/event?lang=en"), "form", fields, "save");
        editor.submit(saved, "list", Map.of(), buttonInRow(saved, title, ":submit"));
        Page list = admin.get("/admin/events?lang=en");
        Page approved = admin.submit(list, "list", Map.of(), buttonInRow(list, title, ":approve"));
        assertTrue(approved.messages().contains("The event is published."), approved.messages());
        return EventsIT.eventId(fields.get("slug"));
    }

    /** Registers and confirms, as a visitor would, through the public form and the mailed link. */
    void register(String slug, String firstName, String email, String language) throws Exception {
        WebSession visitor = new WebSession(portal);
        Page page = visitor.get("/events/" + slug + "?lang=" + language.toLowerCase(java.util.Locale.ROOT));
        TestClock.fillingInTheForm(portal);
        visitor.submit(
                page, "register", Map.of("firstName", firstName, "email", email, "language", language), "submit");
        Page own = visitor.get(EventsIT.registrationLink(email));
        visitor.submit(own, "confirm", Map.of(), "submit");
        Mailbox.to(email, 2);
    }

    @Test
    @DisplayName("the type decides which optional fields the form shows: choosing a rally shows the phone question "
            + "and hides guests at once; a field the type hides takes no effect when the event is saved")
    void typeDecidesTheFields() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        Page form = admin.get("/admin/event?lang=en");
        assertFalse(form.document().select("[id=form:maxGuests]").isEmpty(), "a vigil takes guests");
        assertTrue(form.document().select("[id=form:askPhone]").isEmpty(), "a vigil asks nobody for a phone");

        // What the type select's Ajax behaviour sends, as the page wires it (PrimeFaces' script joins ids with spaces).
        java.util.regex.Matcher wiring = java.util.regex.Pattern.compile(
                        "form:type.{0,300}?e:\"([^\"]+)\".{0,100}?p:\"([^\"]+)\".{0,600}?u:\"([^\"]+)\"",
                        java.util.regex.Pattern.DOTALL)
                .matcher(form.body());
        assertTrue(wiring.find(), "the type select re-renders the form by Ajax: " + form.body());
        Map<String, String> change = WebSession.fields(form, "form");
        change.putAll(Map.of(
                "form:type", "RALLY",
                "jakarta.faces.partial.ajax", "true",
                "jakarta.faces.source", "form:type",
                "jakarta.faces.behavior.event", wiring.group(1),
                "jakarta.faces.partial.event", "change",
                "jakarta.faces.partial.execute", wiring.group(2).replace(',', ' '),
                "jakarta.faces.partial.render", wiring.group(3).replace(',', ' ')));
        String action = form.document().getElementById("form").attr("action");
        Page rally = admin.postAjax(action, change);
        assertEquals(200, rally.status(), rally.body());
        assertTrue(rally.body().contains("id=\"form:askPhone\""), "a rally may ask for a phone: " + rally.body());
        assertFalse(rally.body().contains("id=\"form:maxGuests\""), "and takes no guests: " + rally.body());

        String title = "Rally " + System.nanoTime();
        String slug = "rally-" + System.nanoTime();
        Map<String, String> fields = with(vigil(title, slug, "Calle Marcha 1", 8), "type", "RALLY");
        fields.put("askPhone", "on");
        fields.put("maxGuests", "4");
        Page saved = admin.submit(form, "form", fields, "save");
        assertTrue(saved.messages().contains("Saved: " + title), saved.messages() + saved.text());
        String row = "SELECT CONCAT(event_type, ' ', max_guests, ' ', ask_phone) FROM coalition_event WHERE slug = ?";
        assertEquals("RALLY 0 1", EventsIT.single(row, slug), "no guests for a rally, whatever was sent");

        // Sent in one go without the Ajax (the phone question still on the page): a vigil keeps no phone question.
        long id = EventsIT.eventId(slug);
        Page edit = admin.get("/admin/event?id=" + id + "&lang=en");
        Page vigil = admin.submit(edit, "form", Map.of("type", "VIGIL", "askPhone", "on"), "save");
        assertTrue(vigil.messages().contains("Saved: " + title), vigil.messages());
        assertEquals("VIGIL 0 0", EventsIT.single(row, slug));
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
