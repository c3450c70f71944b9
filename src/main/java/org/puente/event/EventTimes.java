package org.puente.event;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.puente.platform.i18n.Language;

/**
 * An event's time as people read it: in the event's own zone, with that zone's abbreviation, in the
 * reader's language ("Saturday, March 14, 2026 · 7:00 PM – 9:00 PM CDT"; "sábado, 14 de marzo de 2026 ·
 * 19:00 – 21:00 CDT"). The same words on the page, in the mail and in the roster.
 */
public final class EventTimes {

    private EventTimes() {}

    public static String date(ZonedDateTime time, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(language.locale())
                .format(time);
    }

    public static String time(ZonedDateTime time, Language language) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(language.locale())
                .format(time);
    }

    /** The zone's abbreviation at that moment (CST or CDT: it depends on the date). */
    public static String zone(ZonedDateTime time, Language language) {
        return DateTimeFormatter.ofPattern("zzz", language.locale()).format(time);
    }

    /** Date, start and end (with the end's date when it ends on another day), and the zone. */
    public static String when(CoalitionEvent event, Language language) {
        ZonedDateTime start = event.getStart();
        ZonedDateTime end = event.getEnd();
        String endText = end.toLocalDate().equals(start.toLocalDate())
                ? time(end, language)
                : date(end, language) + " " + time(end, language);
        return date(start, language) + " · " + time(start, language) + " – " + endText + " " + zone(end, language);
    }

    /** A short form for cards and lists: the date in medium style with the start time and zone. */
    public static String brief(CoalitionEvent event, Language language) {
        ZonedDateTime start = event.getStart();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(language.locale())
                        .format(start)
                + " · " + time(start, language) + " " + zone(start, language);
    }
}
