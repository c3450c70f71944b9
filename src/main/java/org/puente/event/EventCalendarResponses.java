package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;

/**
 * Answers calendar files: an event's public entry, the public feeds, an attendee's own entry. Public ones
 * carry an {@code ETag} (of their content) and {@code Last-Modified} (the latest change of their events), so
 * a subscribed calendar asking every hour costs a {@code 304} when nothing changed.
 */
@ApplicationScoped
public class EventCalendarResponses {

    static final String CALENDAR = "text/calendar; charset=UTF-8";

    @Inject
    EventCalendar calendar;

    void publicEntry(HttpServletRequest request, HttpServletResponse response, CoalitionEvent event)
            throws IOException {
        Language language = LanguageFilter.of(request);
        answer(request, response, calendar.publicEntry(event, language), event.getUpdatedAt(), event.getSlug(), true);
    }

    void feed(HttpServletRequest request, HttpServletResponse response, List<CoalitionEvent> events, String name)
            throws IOException {
        Language language = LanguageFilter.of(request);
        Instant latest = events.stream()
                .map(CoalitionEvent::getUpdatedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        String title = Messages.get(language, "events.feed.name", name);
        answer(request, response, calendar.feed(events, language, title), latest, "events", true);
    }

    void attendeeEntry(HttpServletResponse response, EventRegistration registration) throws IOException {
        String text = calendar.attendeeEntry(
                registration.getEvent(), EventCalendar.Invitee.of(registration), EventCalendar.Method.REQUEST);
        response.setHeader("Cache-Control", "private, no-store");
        write(response, text, registration.getEvent().getSlug());
    }

    private static void answer(
            HttpServletRequest request,
            HttpServletResponse response,
            String text,
            Instant lastModified,
            String name,
            boolean shared)
            throws IOException {
        String etag = "\"" + digest(text) + "\"";
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
        response.setHeader("Cache-Control", shared ? "public, max-age=300" : "private, no-store");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        write(response, text, name);
    }

    private static void write(HttpServletResponse response, String text, String name) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setContentType(CALENDAR);
        response.setHeader("Content-Disposition", "inline; filename=\"" + name + ".ics\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * A digest of the file without its DTSTAMP lines (they say when the file was made, which changes every
     * time and would defeat the ETag).
     */
    static String digest(String text) {
        String stable = text.replaceAll("(?m)^DTSTAMP:.*\\r?\\n", "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
