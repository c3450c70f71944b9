package org.puente.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Statements as the public pages' tests arrange them: what {@link StatementRows} writes, plus the tags and
 * countries the list filters by, a sign-on deadline in its zone, a public media contact, and co-leads.
 * Demands and signatures are written with {@link StatementRows}.
 */
public final class TestStatements {

    private TestStatements() {}

    /** What a test chooses of a statement; the rest is a plausible default. */
    public record Arranged(
            String slug,
            String state,
            String lead,
            String titleEn,
            String titleEs,
            String summaryEn,
            String summaryEs,
            String tags,
            String countries,
            Instant listedAt,
            Instant deadline,
            String deadlineZone,
            LocalDate releaseDate,
            int textVersion) {

        /** An open statement led by {@code lead} (a demo organization's name, or null for the coalition). */
        public static Arranged open(String slug, String lead, Instant openedAt) {
            return new Arranged(
                    slug,
                    "OPEN",
                    lead,
                    "Statement " + slug,
                    "Pronunciamiento " + slug,
                    "Summary of " + slug,
                    "Resumen de " + slug,
                    null,
                    null,
                    openedAt,
                    null,
                    null,
                    null,
                    1);
        }

        public Arranged inState(String newState) {
            return new Arranged(
                    slug,
                    newState,
                    lead,
                    titleEn,
                    titleEs,
                    summaryEn,
                    summaryEs,
                    tags,
                    countries,
                    listedAt,
                    deadline,
                    deadlineZone,
                    releaseDate,
                    textVersion);
        }

        public Arranged titled(String en, String es) {
            return new Arranged(
                    slug,
                    state,
                    lead,
                    en,
                    es,
                    summaryEn,
                    summaryEs,
                    tags,
                    countries,
                    listedAt,
                    deadline,
                    deadlineZone,
                    releaseDate,
                    textVersion);
        }

        public Arranged summarized(String en, String es) {
            return new Arranged(
                    slug,
                    state,
                    lead,
                    titleEn,
                    titleEs,
                    en,
                    es,
                    tags,
                    countries,
                    listedAt,
                    deadline,
                    deadlineZone,
                    releaseDate,
                    textVersion);
        }

        public Arranged about(String newTags, String newCountries) {
            return new Arranged(
                    slug,
                    state,
                    lead,
                    titleEn,
                    titleEs,
                    summaryEn,
                    summaryEs,
                    newTags,
                    newCountries,
                    listedAt,
                    deadline,
                    deadlineZone,
                    releaseDate,
                    textVersion);
        }

        public Arranged until(Instant newDeadline, String zone) {
            return new Arranged(
                    slug,
                    state,
                    lead,
                    titleEn,
                    titleEs,
                    summaryEn,
                    summaryEs,
                    tags,
                    countries,
                    listedAt,
                    newDeadline,
                    zone,
                    releaseDate,
                    textVersion);
        }

        public Arranged releasedOn(LocalDate date) {
            return new Arranged(
                    slug,
                    state,
                    lead,
                    titleEn,
                    titleEs,
                    summaryEn,
                    summaryEs,
                    tags,
                    countries,
                    listedAt,
                    deadline,
                    deadlineZone,
                    date,
                    textVersion);
        }

        public Arranged atVersion(int version) {
            return new Arranged(
                    slug,
                    state,
                    lead,
                    titleEn,
                    titleEs,
                    summaryEn,
                    summaryEs,
                    tags,
                    countries,
                    listedAt,
                    deadline,
                    deadlineZone,
                    releaseDate,
                    version);
        }
    }

    /**
     * Inserts the statement ({@link StatementRows#insert}, listed from {@code listedAt}) with its tags, countries,
     * sign-on deadline and a public media contact ({@code press-{slug}@example.org}); returns its id.
     */
    public static long insert(Arranged statement) throws Exception {
        long id = StatementRows.insert(
                new StatementRows.Written(
                        statement.slug(),
                        statement.state(),
                        statement.lead(),
                        statement.titleEn(),
                        statement.titleEs(),
                        statement.summaryEn(),
                        statement.summaryEs(),
                        statement.releaseDate(),
                        statement.textVersion()),
                statement.listedAt());
        try (Connection db = TestEnvironment.database();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE statement SET tags = ?, countries = ?, deadline_at = ?, deadline_zone = ?, "
                                + "media_name = 'Marta Prensa', media_organization = 'Voces Unidas de Chicago', "
                                + "media_email = ?, media_phone = '+1 312 555 0100' WHERE id = ?")) {
            update.setString(1, statement.tags());
            update.setString(2, statement.countries());
            update.setString(3, statement.deadline() == null ? null : TestEvents.utc(statement.deadline()));
            update.setString(4, statement.deadlineZone());
            update.setString(5, "press-" + statement.slug() + "@example.org");
            update.setLong(6, id);
            update.executeUpdate();
        }
        return id;
    }

    /** A demo organization co-leads the statement. */
    public static void colead(long statementId, String organizationName) throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert =
                        db.prepareStatement("INSERT INTO statement_colead (statement_id, organization_id) "
                                + "SELECT ?, id FROM organization WHERE name = ?")) {
            insert.setLong(1, statementId);
            insert.setString(2, organizationName);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no organization named " + organizationName);
            }
        }
    }
}
