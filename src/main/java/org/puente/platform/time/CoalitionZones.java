package org.puente.platform.time;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The IANA time zones a form offers for a wall time (an event's start, a statement's deadline): where the
 * coalition's members gather first, north to south, then every other zone of the Americas.
 */
public final class CoalitionZones {

    static final List<String> FIRST = List.of(
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu",
            "America/Puerto_Rico",
            "America/Tijuana",
            "America/Hermosillo",
            "America/Mazatlan",
            "America/Mexico_City",
            "America/Monterrey",
            "America/Cancun",
            "America/Guatemala",
            "America/El_Salvador",
            "America/Tegucigalpa",
            "America/Managua",
            "America/Costa_Rica",
            "America/Panama");

    private CoalitionZones() {}

    /** The coalition's zones first, then the rest of the Americas, A to Z. */
    public static List<String> offered() {
        List<String> all = new ArrayList<>(FIRST);
        ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.startsWith("America/") || z.startsWith("Pacific/"))
                .filter(z -> !FIRST.contains(z))
                .sorted()
                .forEach(all::add);
        return all;
    }

    /** "Chicago (America/Chicago)": the city people know, with the exact zone. */
    public static String label(String zone) {
        String city = zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
        return city + " (" + zone + ")";
    }
}
