package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.mail.MailSender;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * Coalition staff write alerts and send them. Sending snapshots the audience into one delivery per
 * recipient, in one statement, in the same transaction that starts the alert: from then on changes to the
 * list do not change who gets it, except that the engine skips anyone who unsubscribes meanwhile.
 */
@ApplicationScoped
@Transactional
public class AlertService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AlertMessages messages;

    @Inject
    MailSender mail;

    public List<Alert> list() {
        caller.require(Role.ADMIN, Role.STAFF);
        return em.createNamedQuery("Alert.findAllNewestFirst", Alert.class).getResultList();
    }

    public Alert find(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        Alert alert = em.find(Alert.class, id);
        if (alert == null) {
            throw new NotFoundException("alert " + id);
        }
        return alert;
    }

    /** The alert as the sending engine renders it (no caller: the engine acts for the staff who sent it). */
    public Alert forSending(long id) {
        Alert alert = em.find(Alert.class, id);
        if (alert == null) {
            throw new NotFoundException("alert " + id);
        }
        em.detach(alert);
        return alert;
    }

    /** Creates (id null) or rewrites a draft. */
    public Alert save(Long id, LocalizedText subject, LocalizedText preheader, LocalizedText body,
            LocalizedText actionLabel, LocalizedText actionUrl, Audience audience) {
        Account author = caller.require(Role.ADMIN, Role.STAFF);
        Instant now = clock.instant();
        Alert alert = id == null ? new Alert(author.getId(), now) : find(id);
        alert.write(subject, preheader, body, actionLabel, actionUrl, audience, now);
        if (id == null) {
            em.persist(alert);
        }
        return alert;
    }

    /** The size of an audience; followed by {@link #audienceSql}. */
    public static final String AUDIENCE_SIZE = "SELECT COUNT(*) ";
    /** Scheduled alerts whose time has come, claimed by this instance. */
    public static final String DUE = "SELECT id FROM alert WHERE state = 'SCHEDULED' AND scheduled_at <= ? "
            + "FOR UPDATE SKIP LOCKED";
    /** The audience snapshot: one delivery per supporter; followed by {@link #audienceSql}. */
    public static final String SNAPSHOT = "INSERT INTO alert_delivery (alert_id, supporter_id, email, language, "
            + "state, attempts, next_attempt_at) SELECT ?, s.id, s.email, s.language, 'PENDING', 0, ? ";
    /** An alert's figures per language, with the unsubscribes it caused. */
    public static final String REPORT = "SELECT d.language, COUNT(*), SUM(d.state = 'SENT'), "
            + "SUM(d.state = 'FAILED'), SUM(d.state = 'FAILED' AND d.last_error LIKE '5%'), SUM(d.state = 'SKIPPED'), "
            + "SUM(d.state IN ('PENDING', 'CLAIMED')), "
            + "(SELECT COUNT(DISTINCT e.supporter_id) FROM supporter_event e JOIN alert_delivery u "
            + "ON u.supporter_id = e.supporter_id AND u.alert_id = d.alert_id AND u.language = d.language "
            + "WHERE e.kind = 'UNSUBSCRIBE' AND e.source = ?) "
            + "FROM alert_delivery d WHERE d.alert_id = ? GROUP BY d.alert_id, d.language ORDER BY d.language";
    /** An alert's deliveries by state, and how many were sent since a moment. */
    public static final String PROGRESS = "SELECT state, COUNT(*), SUM(sent_at >= ?) FROM alert_delivery "
            + "WHERE alert_id = ? GROUP BY state";

    /** How many supporters the audience holds right now. */
    public long audienceSize(Audience audience) {
        caller.require(Role.ADMIN, Role.STAFF);
        Query count = em.createNativeQuery(AUDIENCE_SIZE + audienceSql(audience));
        bind(count, audience, 1);
        return ((Number) count.getSingleResult()).longValue();
    }

    /**
     * Snapshots the audience and starts sending.
     *
     * @param onlyLanguage null to give everyone their own language (both versions must be complete), or
     *                     the one version everyone gets, which staff explicitly confirmed
     */
    public Alert send(long id, Language onlyLanguage) {
        Alert alert = find(id);
        start(alert, onlyLanguage);
        return alert;
    }

    /** Sending starts by itself at {@code at}, with the audience as it is then. */
    public Alert schedule(long id, Language onlyLanguage, Instant at) {
        Alert alert = find(id);
        alert.schedule(at, onlyLanguage, clock.instant());
        return alert;
    }

    public void cancelSchedule(long id) {
        find(id).cancelSchedule(clock.instant());
    }

    /**
     * Starts the scheduled alerts whose time has come (called by the sending engine; no caller). The row
     * lock makes one instance start each alert, however many look at the same moment.
     *
     * @return how many alerts started
     */
    public int startDue() {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery(DUE).setParameter(1, java.sql.Timestamp.from(clock.instant()))
                .getResultList();
        for (Number id : due) {
            start(em.find(Alert.class, id.longValue()), null);
        }
        return due.size();
    }

    private void start(Alert alert, Language onlyLanguage) {
        Audience audience = alert.getAudience();
        Query snapshot = em.createNativeQuery(SNAPSHOT + audienceSql(audience));
        snapshot.setParameter(1, alert.getId());
        snapshot.setParameter(2, java.sql.Timestamp.from(clock.instant()));
        bind(snapshot, audience, 3);
        int size = snapshot.executeUpdate();
        alert.startSending(size, onlyLanguage, clock.instant());
    }

    public void pause(long id) {
        find(id).pause(clock.instant());
    }

    public void resume(long id) {
        find(id).resume(clock.instant());
    }

    /** Each complete version to the staff member's own address, as a supporter would get it. */
    public List<Language> testSend(long id) {
        Account me = caller.require(Role.ADMIN, Role.STAFF);
        Alert alert = find(id);
        List<Language> sent = new ArrayList<>();
        for (Language language : Language.values()) {
            if (alert.isComplete(language)) {
                mail.send(messages.render(alert, me.getEmail(), language, null, 0));
                sent.add(language);
            }
        }
        return sent;
    }

    /** Per language: the alert's recipients, what became of them, and the unsubscribes its links caused. */
    public AlertReport report(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(REPORT).setParameter(1, "alert " + id).setParameter(2, id)
                .getResultList();
        List<AlertReport.Figures> languages = new ArrayList<>();
        for (Object[] row : rows) {
            languages.add(new AlertReport.Figures(Language.parse((String) row[0]).orElseThrow(), number(row[1]),
                    number(row[2]), number(row[3]), number(row[4]), number(row[5]), number(row[6]), number(row[7])));
        }
        return AlertReport.of(languages);
    }

    /**
     * Deliveries by state and the messages sent in the last {@value #RATE_WINDOW_SECONDS} seconds, for
     * the live progress.
     */
    public Progress progressOf(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        long recent = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PROGRESS)
                .setParameter(1, java.sql.Timestamp.from(clock.instant().minusSeconds(RATE_WINDOW_SECONDS)))
                .setParameter(2, id).getResultList();
        for (Object[] row : rows) {
            counts.put(DeliveryState.valueOf((String) row[0]), number(row[1]));
            recent += number(row[2]);
        }
        return new Progress(counts, recent / (double) RATE_WINDOW_SECONDS);
    }

    static final int RATE_WINDOW_SECONDS = 10;

    /** Deliveries by state, and the recent sending rate in messages per second. */
    public record Progress(Map<DeliveryState, Long> counts, double ratePerSecond) {
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * FROM and WHERE for the supporters in an audience; parameters in the order {@link #bind} sets them.
     * A petition's signers are joined (one confirmed signature per address and petition), not tested with
     * EXISTS: the snapshot's INSERT … SELECT then reads the petition's signatures by index instead of every
     * supporter, and so locks only the rows it copies.
     */
    public static String audienceSql(Audience audience) {
        StringBuilder sql = new StringBuilder("FROM supporter s");
        if (audience.petitionId() != null) {
            sql.append(" JOIN signature g ON g.petition_id = ? AND g.state = 'CONFIRMED' "
                    + "AND g.email_canonical = s.email_canonical");
        }
        sql.append(" WHERE s.status = 'SUBSCRIBED'");
        if (audience.language() != null) {
            sql.append(" AND s.language = ?");
        }
        if (audience.country() != null) {
            sql.append(" AND s.country = ?");
        }
        if (audience.postalPrefix() != null) {
            sql.append(" AND s.postal_code LIKE ?");
        }
        return sql.toString();
    }

    static void bind(Query query, Audience audience, int first) {
        int i = first;
        if (audience.petitionId() != null) {
            query.setParameter(i++, audience.petitionId());
        }
        if (audience.language() != null) {
            query.setParameter(i++, audience.language().code());
        }
        if (audience.country() != null) {
            query.setParameter(i++, audience.country());
        }
        if (audience.postalPrefix() != null) {
            query.setParameter(i, audience.postalPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }
}
