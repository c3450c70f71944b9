package org.puente.organization;

import java.text.Collator;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A time zone the coalition may choose, labelled for staff by its name in their language and its city
 * ("hora central (Chicago)"): the zones of the coalition's countries first, then every other region's zone.
 * Bare offsets and {@code Etc/…} zones are never offered.
 */
public record ZoneChoice(String id, String label) {

    /** The coalition's own countries' zones, in the order its staff look for them. */
    static final List<String> FIRST = List.of(
            "America/Chicago",
            "America/New_York",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Mexico_City",
            "America/Tijuana",
            "America/Guatemala",
            "America/Tegucigalpa",
            "America/El_Salvador");

    private static final Set<String> REGIONS =
            Set.of("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific");

    private static final Set<String> OFFERED = offered();

    static boolean isOffered(String id) {
        return id != null && OFFERED.contains(id);
    }

    static List<ZoneChoice> all(Locale locale) {
        List<ZoneChoice> choices = new ArrayList<>();
        for (String id : FIRST) {
            choices.add(of(id, locale));
        }
        Collator collator = Collator.getInstance(locale);
        List<ZoneChoice> others = new ArrayList<>();
        for (String id : OFFERED) {
            if (!FIRST.contains(id)) {
                others.add(of(id, locale));
            }
        }
        others.sort(Comparator.comparing(ZoneChoice::label, collator));
        choices.addAll(others);
        return List.copyOf(choices);
    }

    static ZoneChoice of(String id, Locale locale) {
        String city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        return new ZoneChoice(id, ZoneId.of(id).getDisplayName(TextStyle.FULL, locale) + " (" + city + ")");
    }

    private static Set<String> offered() {
        Set<String> ids = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.indexOf('/');
            if (slash > 0 && REGIONS.contains(id.substring(0, slash))) {
                ids.add(id);
            }
        }
        ids.addAll(FIRST);
        return Set.copyOf(ids);
    }
}
