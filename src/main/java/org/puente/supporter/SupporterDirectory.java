package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * The supporter list as coalition staff see and manage it: search, details and history, export, and the
 * changes staff make on a person's behalf (each recorded with who made it). Staff only, in every method.
 */
@ApplicationScoped
@Transactional
public class SupporterDirectory {

    public static final int PAGE_SIZE = 50;
    static final int EXPORT_BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    SupporterService supporters;

    /** One page of what staff search for, newest first, and how many match in all. */
    @Transactional(TxType.SUPPORTS)
    public Results search(SupporterFilter filter, int page) {
        staff();
        long total = filter.bind(em.createQuery("select count(s) from Supporter s where " + filter.where(), Long.class))
                .getSingleResult();
        List<Supporter> rows = filter.bind(em.createQuery(
                        "select s from Supporter s where " + filter.where() + " order by s.id desc", Supporter.class))
                .setFirstResult(Math.max(0, page) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return new Results(rows, total);
    }

    /** The next batch for an export, in id order after {@code afterId}; the caller streams batch by batch. */
    @Transactional(TxType.SUPPORTS)
    public List<Supporter> exportBatch(SupporterFilter filter, long afterId) {
        staff();
        return filter.bind(em.createQuery(
                        "select s from Supporter s where " + filter.where() + " and s.id > :after order by s.id",
                        Supporter.class))
                .setParameter("after", afterId)
                .setMaxResults(EXPORT_BATCH)
                .getResultList();
    }

    @Transactional(TxType.SUPPORTS)
    public Supporter find(long id) {
        staff();
        Supporter supporter = em.find(Supporter.class, id);
        if (supporter == null) {
            throw new NotFoundException("no supporter " + id);
        }
        return supporter;
    }

    /** What happened to the supporter's subscription, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<SupporterEvent> history(long id) {
        staff();
        return em.createNamedQuery("SupporterEvent.findBySupporterNewestFirst", SupporterEvent.class)
                .setParameter("supporterId", id)
                .getResultList();
    }

    public void changeLanguage(long id, Language language) {
        Account staff = staff();
        if (!supporters.changeLanguage(id, language, source(staff))) {
            throw new NotFoundException("no supporter " + id);
        }
    }

    public void unsubscribe(long id) {
        Account staff = staff();
        if (!supporters.unsubscribe(id, source(staff))) {
            throw new NotFoundException("no supporter " + id);
        }
    }

    /** Erases the supporter (see {@link SupporterService#forget}). */
    public void forget(long id) {
        staff();
        if (!supporters.forget(id)) {
            throw new NotFoundException("no supporter " + id);
        }
    }

    private Account staff() {
        return caller.require(Role.ADMIN, Role.STAFF);
    }

    static String source(Account staff) {
        return "staff: " + staff.getEmail();
    }

    public record Results(List<Supporter> rows, long total) {}
}
