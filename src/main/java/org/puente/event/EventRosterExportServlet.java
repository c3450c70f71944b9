package org.puente.event;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;
import org.puente.platform.web.Csv;

/**
 * {@code /admin/event-roster.csv?id=}: an event's roster for its hosts and staff, headers in the reader's
 * language, times in the event's zone (named in the header), formula-safe cells.
 */
@WebServlet("/admin/event-roster.csv")
public class EventRosterExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    private transient EventRoster roster;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long eventId = Long.parseLong(id);
        // access denied and not found are answered by ErrorStatusFilter
        CoalitionEvent event = roster.event(eventId);
        List<EventRegistration> people = roster.roster(eventId, null);
        Language language = LanguageFilter.of(request);
        ZoneId zone = event.getZone();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"event-" + eventId + "-roster.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(Csv.row(List.of(
                    Messages.get(language, "signature.firstName"),
                    Messages.get(language, "signature.lastName"),
                    Messages.get(language, "field.email"),
                    Messages.get(language, "registration.phone"),
                    Messages.get(language, "csv.language"),
                    Messages.get(language, "admin.roster.status"),
                    Messages.get(language, "admin.roster.registeredIn", zone.getId()),
                    Messages.get(language, "registration.guests"),
                    Messages.get(language, "registration.needs"),
                    Messages.get(language, "admin.roster.checkedIn"))));
            for (EventRegistration person : people) {
                out.write(Csv.row(List.of(
                        text(person.getFirstName()),
                        text(person.getLastName()),
                        text(person.getEmail()),
                        text(person.getPhone()),
                        Messages.get(language, languageKey(person)),
                        Messages.get(language, stateKey(person)),
                        TIME.format(person.getCreatedAt().atZone(zone)),
                        String.valueOf(person.getGuests()),
                        text(person.getNeeds()),
                        person.isCheckedIn()
                                ? TIME.format(person.getCheckedInAt().atZone(zone))
                                : "")));
            }
        }
    }

    private static String languageKey(EventRegistration person) {
        String key = "language." + person.getLanguage().code();
        return key;
    }

    private static String stateKey(EventRegistration person) {
        String key = "admin.roster.state." + person.getState().name();
        return key;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
