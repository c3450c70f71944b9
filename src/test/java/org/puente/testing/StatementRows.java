package org.puente.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A statement with its demands and signatories written straight into the test database, for tests that read
 * statements (the printed statement, the API) rather than write or sign them. Member signatories are the demo
 * organizations, by name; an outside organization's signer has a contact address, which must never be shown.
 */
public final class StatementRows {

    private StatementRows() {}

    /** What a test chooses of a statement; its preamble and closing are fixed, in both languages. */
    public record Written(
            String slug,
            String state,
            String lead,
            String titleEn,
            String titleEs,
            String summaryEn,
            String summaryEs,
            LocalDate releaseDate,
            int textVersion) {}

    /**
     * Inserts the statement, opened (and, if released or archived, released) at {@code at}; returns its id.
     * Preamble: "We, the undersigned organizations, speak together." / "Las organizaciones firmantes hablamos
     * juntas."; closing: "Until every family is safe." / "Hasta que cada familia esté a salvo."
     */
    public static long insert(Written statement, Instant at) throws Exception {
        boolean released =
                statement.state().equals("RELEASED") || statement.state().equals("ARCHIVED");
        boolean opened = released
                || statement.state().equals("OPEN")
                || statement.state().equals("CLOSED");
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO statement (organization_id, slug, title_en, title_es, summary_en, summary_es, "
                                + "preamble_en, preamble_es, closing_en, closing_es, release_date, sign_on, state, "
                                + "text_version, created_by, created_at, updated_at, opened_at, released_at) "
                                + "VALUES ((SELECT id FROM organization WHERE name = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                + "TRUE, ?, ?, (SELECT MIN(id) FROM account), ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            int i = 0;
            insert.setString(++i, statement.lead());
            insert.setString(++i, statement.slug());
            insert.setString(++i, statement.titleEn());
            insert.setString(++i, statement.titleEs());
            insert.setString(++i, statement.summaryEn());
            insert.setString(++i, statement.summaryEs());
            insert.setString(++i, "<p>We, the undersigned organizations, speak together.</p>");
            insert.setString(++i, "<p>Las organizaciones firmantes hablamos juntas.</p>");
            insert.setString(++i, "<p>Until every family is safe.</p>");
            insert.setString(++i, "<p>Hasta que cada familia esté a salvo.</p>");
            if (statement.releaseDate() == null) {
                insert.setNull(++i, Types.DATE);
            } else {
                insert.setString(++i, statement.releaseDate().toString());
            }
            insert.setString(++i, statement.state());
            insert.setInt(++i, statement.textVersion());
            String when = TestEvents.utc(at);
            insert.setString(++i, when);
            insert.setString(++i, when);
            insert.setString(++i, opened ? when : null);
            insert.setString(++i, released ? when : null);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no statement inserted");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Archives the statement (still readable at its address, off every list): a test's own rows tidied away. */
    public static void archive(long statementId) throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement update =
                        db.prepareStatement("UPDATE statement SET state = 'ARCHIVED' WHERE id = ?")) {
            update.setLong(1, statementId);
            update.executeUpdate();
        }
    }

    /** Closes sign-on, as its deadline passing or the leads would. */
    public static void close(long statementId) throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE statement SET state = 'CLOSED', closed_at = UTC_TIMESTAMP(6) WHERE id = ?")) {
            update.setLong(1, statementId);
            update.executeUpdate();
        }
    }

    /** A numbered demand (positions from 0); either language or the addressee may be null. */
    public static void demand(long statementId, int position, String en, String es, String toEn, String toEs)
            throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO statement_demand (statement_id, position, text_en, text_es, addressee_en, "
                                + "addressee_es) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, statementId);
            insert.setInt(2, position);
            insert.setString(3, en);
            insert.setString(4, es);
            insert.setString(5, toEn);
            insert.setString(6, toEs);
            insert.executeUpdate();
        }
    }

    /** A demo member organization signed the given version of the text, through {@code signer}. */
    public static void memberSigned(long statementId, String organizationName, String signer, int textVersion)
            throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO statement_signatory (statement_id, kind, organization_id, organization_name, "
                                + "name_key, city, region, country, signer_name, language, state, text_version, "
                                + "created_at, signed_at) SELECT ?, 'MEMBER', id, name, LOWER(name), city, region, "
                                + "country, ?, 'es', 'SIGNED', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) "
                                + "FROM organization WHERE name = ?")) {
            insert.setLong(1, statementId);
            insert.setString(2, signer);
            insert.setInt(3, textVersion);
            insert.setString(4, organizationName);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no organization named " + organizationName);
            }
        }
    }

    /** An organization outside the coalition signed; {@code withdrawn} takes its name off again. */
    public static void outsideSigned(
            long statementId,
            String name,
            String city,
            String country,
            String signer,
            String email,
            int textVersion,
            boolean withdrawn)
            throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO statement_signatory (statement_id, kind, organization_name, name_key, city, "
                                + "country, signer_name, email, language, state, text_version, created_at, signed_at, "
                                + "withdrawn_at) VALUES (?, 'OUTSIDE', ?, ?, ?, ?, ?, ?, 'es', ?, ?, UTC_TIMESTAMP(6), "
                                + "UTC_TIMESTAMP(6), ?)")) {
            insert.setLong(1, statementId);
            insert.setString(2, name);
            insert.setString(3, name.toLowerCase(Locale.ROOT));
            insert.setString(4, city);
            insert.setString(5, country);
            insert.setString(6, signer);
            insert.setString(7, email);
            insert.setString(8, withdrawn ? "WITHDRAWN" : "SIGNED");
            insert.setInt(9, textVersion);
            if (withdrawn) {
                insert.setString(10, TestEvents.utc(Instant.now()));
            } else {
                insert.setNull(10, Types.TIMESTAMP);
            }
            insert.executeUpdate();
        }
    }

    /** Takes an organization's name off, as a withdrawal does. */
    public static void withdraw(long statementId, String organizationName) throws Exception {
        try (Connection db = TestEnvironment.database();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE statement_signatory SET withdrawn_at = UTC_TIMESTAMP(6), state = 'WITHDRAWN' "
                                + "WHERE statement_id = ? AND organization_name = ?")) {
            update.setLong(1, statementId);
            update.setString(2, organizationName);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no signature of " + organizationName);
            }
        }
    }
}
