package org.puente.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Events and registrations arranged straight in the test database, for tests that are not about posting them. */
public final class TestEvents {

    private TestEvents() {}

    /** A published in-person vigil hosted by the first organization, in Chicago, with the given place and times. */
    public static void insertEvent(
            String slug,
            Instant start,
            Instant end,
            String zone,
            String disclosure,
            Integer capacity,
            int maxGuests,
            String street,
            String postalCode,
            String venue)
            throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO coalition_event (organization_id, slug, event_type, title_en, title_es, summary_en, "
                                + "summary_es, starts_at, ends_at, time_zone, attendance, disclosure, venue_kind, venue_name, "
                                + "street_address, city, region, postal_code, country, capacity, max_guests, state, "
                                + "created_at, updated_at, published_at) SELECT MIN(id), ?, 'VIGIL', ?, ?, "
                                + "'A vigil for families', 'Una vigilia por las familias', ?, ?, ?, 'IN_PERSON', ?, "
                                + "'PLACE_OF_WORSHIP', ?, ?, 'Chicago', 'IL', ?, 'US', ?, ?, 'PUBLISHED', "
                                + "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM organization")) {
            insert.setString(1, slug);
            insert.setString(2, "Vigil " + slug);
            insert.setString(3, "Vigilia " + slug);
            insert.setString(4, utc(start));
            insert.setString(5, utc(end));
            insert.setString(6, zone);
            insert.setString(7, disclosure);
            insert.setString(8, venue);
            insert.setString(9, street);
            insert.setString(10, postalCode);
            if (capacity == null) {
                insert.setNull(11, Types.INTEGER);
            } else {
                insert.setInt(11, capacity);
            }
            insert.setInt(12, maxGuests);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no event inserted");
            }
        }
    }

    /** A confirmed registration for an event, as if its owner had confirmed at {@code confirmedAt}. */
    public static void insertConfirmed(String slug, String email, String language, Instant confirmedAt)
            throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO event_registration (event_id, first_name, email, email_canonical, language, state, "
                                + "created_at, confirmed_at) SELECT id, 'Ana', ?, ?, ?, 'CONFIRMED', ?, ? "
                                + "FROM coalition_event WHERE slug = ?")) {
            insert.setString(1, email);
            insert.setString(2, email.toLowerCase(java.util.Locale.ROOT));
            insert.setString(3, language);
            insert.setString(4, utc(confirmedAt));
            insert.setString(5, utc(confirmedAt));
            insert.setString(6, slug);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no registration inserted for " + slug);
            }
        }
    }

    /** An instant as the portal stores it: UTC wall time in a DATETIME. */
    public static String utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ');
    }
}
