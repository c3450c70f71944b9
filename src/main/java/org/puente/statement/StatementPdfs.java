package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.time.StaffTimeZone;

/**
 * Public statements' PDFs, made on request and kept in memory while the statement and its signatures stay as they
 * were: each is kept under what it is made of (the statement's id, state, text version and last change, and the
 * last change to its signatures), so an edit, a new signature or a withdrawal makes the next request render afresh,
 * and a stale copy is simply never asked for again. At most {@link #CAPACITY} are kept on an instance, the least
 * recently read going first; readers asking for one together wait for a single rendering.
 */
@ApplicationScoped
public class StatementPdfs {

    static final int CAPACITY = 24;

    /** What a PDF is made of; equal keys, equal documents. */
    record Key(
            long statementId,
            StatementState state,
            int textVersion,
            Instant updatedAt,
            SignatureActivity signatures,
            StatementEdition edition) {

        /** An entity tag for HTTP: the same on every instance for the same document. */
        String tag() {
            String made = statementId + "|" + state + "|" + textVersion + "|" + updatedAt + "|" + signatures.rows()
                    + "|" + signatures.lastSigned() + "|" + signatures.lastWithdrawn() + "|" + edition.code();
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(made.getBytes(StandardCharsets.UTF_8));
                return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<Key, FutureTask<byte[]>> made = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, FutureTask<byte[]>> eldest) {
            return size() > CAPACITY;
        }
    };

    @Inject
    StatementService statements;

    @Inject
    PuenteConfig config;

    @Inject
    StaffTimeZone zone;

    /** What the statement's PDF in this edition would be made of now (one small query). */
    public Key key(Statement statement, StatementEdition edition) {
        return new Key(
                statement.getId(),
                statement.getState(),
                statement.getTextVersion(),
                statement.getUpdatedAt(),
                statements.signatureActivity(statement.getId()),
                edition);
    }

    /** The PDF for the key, rendered only when no copy is kept. */
    public byte[] pdf(Statement statement, Key key) {
        FutureTask<byte[]> task;
        boolean mine = false;
        synchronized (made) {
            task = made.get(key);
            if (task == null) {
                made.keySet().removeIf(k -> k.statementId() == key.statementId() && k.edition() == key.edition());
                task = new FutureTask<>(() -> render(statement, key.edition()));
                made.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (made) {
                made.remove(key, task);
            }
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("statement " + key.statementId() + ": no PDF", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another request rendered the PDF", e);
        }
    }

    private byte[] render(Statement statement, StatementEdition edition) {
        Endorsements signed = Endorsements.of(statements.signatories(statement));
        return StatementPdf.render(
                statement,
                signed,
                edition,
                new StatementPdf.Details(
                        config.baseUrl() + "/statements/" + statement.getSlug(), releaseDay(statement)));
    }

    /** The day it is released: the date its leads set, else the day staff released it (in the coalition's zone). */
    LocalDate releaseDay(Statement statement) {
        if (statement.getReleaseDate() != null) {
            return statement.getReleaseDate();
        }
        return statement.getReleasedAt() == null ? null : LocalDate.ofInstant(statement.getReleasedAt(), zone.zone());
    }
}
