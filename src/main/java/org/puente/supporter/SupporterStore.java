package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/**
 * The SQL over {@code supporter} and {@code supporter_event} that JPA cannot express well: an import's
 * JDBC batches. One place to read when checking those tables' indexes ({@code QueryPlansIT} explains every
 * statement here). It runs inside the calling service's transaction, on its connection.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class SupporterStore {

    /** A new supporter, subscribed ({@link SupporterStatus#SUBSCRIBED}, bound as the 8th parameter). */
    public static final String IMPORT_SUPPORTER = "INSERT INTO supporter (email, email_canonical, first_name, "
            + "last_name, postal_code, country, language, status, consent_at, consent_source, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** A consent in the history of the supporter with a canonical address ({@link SupporterEventKind#CONSENT}). */
    public static final String IMPORT_CONSENT_EVENT = "INSERT INTO supporter_event (supporter_id, kind, source, "
            + "happened_at) SELECT id, ?, ?, ? FROM supporter WHERE email_canonical = ?";

    @PersistenceContext
    EntityManager em;

    /**
     * Creates the people of an import that were not supporters yet, subscribed, and records a consent for
     * every address in {@code consents}. JDBC batches on the transaction's own connection: one round trip
     * for a batch instead of one per row (the driver rewrites them into multi-row statements).
     */
    void importConsents(
            Collection<SupporterImport.Candidate> fresh, Collection<String> consents, String source, Instant now) {
        Timestamp at = Timestamp.from(now);
        Connection db = em.unwrap(Connection.class);
        try {
            if (!fresh.isEmpty()) {
                try (PreparedStatement insert = db.prepareStatement(IMPORT_SUPPORTER)) {
                    for (SupporterImport.Candidate c : fresh) {
                        insert.setString(1, c.email());
                        insert.setString(2, c.canonical());
                        insert.setString(3, c.firstName());
                        insert.setString(4, c.lastName());
                        insert.setString(5, c.postalCode());
                        insert.setString(6, c.country());
                        insert.setString(7, c.language().code());
                        insert.setString(8, SupporterStatus.SUBSCRIBED.name());
                        insert.setTimestamp(9, at);
                        insert.setString(10, source);
                        insert.setTimestamp(11, at);
                        insert.setTimestamp(12, at);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!consents.isEmpty()) {
                try (PreparedStatement events = db.prepareStatement(IMPORT_CONSENT_EVENT)) {
                    for (String canonical : consents) {
                        events.setString(1, SupporterEventKind.CONSENT.name());
                        events.setString(2, source);
                        events.setTimestamp(3, at);
                        events.setString(4, canonical);
                        events.addBatch();
                    }
                    events.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("import batch failed", e);
        }
    }
}
