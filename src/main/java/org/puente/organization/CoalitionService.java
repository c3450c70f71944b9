package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.ZoneId;
import org.puente.account.Caller;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.security.Role;

/** The coalition row: read by everyone, changed by admins; its signing switch, by coalition staff. */
@ApplicationScoped
@Transactional
public class CoalitionService {

    /** The name before the coalition row exists (the first seconds of a fresh database). */
    static final LocalizedText DEFAULT_NAME = new LocalizedText("Puente", "Puente");

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Event<CoalitionChanged> changed;

    @Transactional(TxType.SUPPORTS)
    public Coalition forEditing() {
        caller.require(Role.ADMIN);
        return em.find(Coalition.class, Coalition.ID);
    }

    /** The emergency switch: while on, no petition takes or confirms signatures. */
    @Transactional(TxType.SUPPORTS)
    public boolean isSigningPaused() {
        Coalition coalition = em.find(Coalition.class, Coalition.ID);
        return coalition != null && coalition.isSigningPaused();
    }

    public void pauseAllSigning(boolean paused) {
        caller.require(Role.ADMIN, Role.STAFF);
        em.find(Coalition.class, Coalition.ID).pauseAllSigning(paused, clock.instant());
    }

    /** The coalition's name in both languages, for pages and mail that name it in their reader's language. */
    @Transactional(TxType.SUPPORTS)
    public LocalizedText name() {
        Coalition coalition = em.find(Coalition.class, Coalition.ID);
        return coalition == null ? DEFAULT_NAME : coalition.getName();
    }

    public void update(LocalizedText name, LocalizedText mission, String postalAddress) {
        caller.require(Role.ADMIN);
        em.find(Coalition.class, Coalition.ID).update(name, mission, postalAddress, clock.instant());
        changed.fire(new CoalitionChanged());
    }

    /** The zone staff read and enter times in, from now on. */
    public void moveTo(ZoneId zone) {
        caller.require(Role.ADMIN);
        em.find(Coalition.class, Coalition.ID).moveTo(zone, clock.instant());
        changed.fire(new CoalitionChanged());
    }
}
