package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.organization.Organization;
import org.puente.organization.OrganizationService;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.AccessDeniedException;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * Posting and running events. Editors post for their own organizations and see only those events (and
 * the events their organizations co-host); coalition staff and admins post for any organization or for
 * the coalition, publish their own directly, and alone approve or send back an editor's event. A change
 * of time or place after people registered, and a cancellation, reach every attendee through
 * {@link RegistrationService}.
 */
@ApplicationScoped
@Transactional
public class EventService {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OrganizationService organizations;

    @Inject
    RegistrationService registrations;

    @Inject
    EventReviewNotices notices;

    @Inject
    Event<EventsChanged> changed;

    /** The events the caller may work on: all for staff, their organizations' (hosted or co-hosted) for editors. */
    @Transactional(TxType.SUPPORTS)
    public List<CoalitionEvent> listForCaller() {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (account.getRole() == Role.ORG_EDITOR) {
            List<Organization> own = organizations.editedBy(account);
            return own.isEmpty()
                    ? List.of()
                    : em.createNamedQuery("CoalitionEvent.findByOrganizations", CoalitionEvent.class)
                            .setParameter("organizations", own)
                            .getResultList();
        }
        return em.createNamedQuery("CoalitionEvent.findAllNewestFirst", CoalitionEvent.class)
                .setMaxResults(500)
                .getResultList();
    }

    /** The organizations the caller may post events for (staff may also post for the coalition: no organization). */
    @Transactional(TxType.SUPPORTS)
    public List<Organization> organizationsForCaller() {
        return organizations.actedForByCaller();
    }

    /** Coalition staff may post an event for the coalition itself, with no member organization as host. */
    @Transactional(TxType.SUPPORTS)
    public boolean mayPostForCoalition() {
        return caller.isCoalitionStaff();
    }

    @Transactional(TxType.SUPPORTS)
    public List<Organization> cohostOptions() {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        return organizations.listActive();
    }

    /** An event its host's editors (or co-hosts' editors) or staff may work on. */
    @Transactional(TxType.SUPPORTS)
    public CoalitionEvent findForHosting(long id) {
        CoalitionEvent event = find(id);
        requireHostOf(event);
        return event;
    }

    /** Whether the caller is one of the event's hosts (or staff): they see its roster. */
    @Transactional(TxType.SUPPORTS)
    public boolean mayHost(CoalitionEvent event) {
        Optional<Account> account = caller.account();
        if (account.isEmpty()) {
            return false;
        }
        if (caller.isCoalitionStaff()) {
            return true;
        }
        return account.get().getRole() == Role.ORG_EDITOR
                && (event.getOrganization() != null && event.getOrganization().mayBeEditedBy(account.get())
                        || event.getCohosts().stream().anyMatch(o -> o.mayBeEditedBy(account.get())));
    }

    /**
     * A new draft (a new event may not start in the past).
     *
     * @throws EventRefusedException when the form does not hold together (nothing is saved)
     * @throws SlugTakenException    when the requested address is another event's
     */
    public CoalitionEvent create(@Valid EventForm form) {
        Organization host = host(form.getOrganizationId());
        check(form);
        Instant now = clock.instant();
        EventDetails details = form.details();
        if (!details.startsAt().isAfter(now)) {
            throw new EventRefusedException("date", "event.start.past");
        }
        String slug = form.requestedSlug().isEmpty() ? uniqueSlug(form) : available(form.requestedSlug(), null);
        CoalitionEvent event = new CoalitionEvent(host, slug, details, now);
        event.cohostedBy(cohosts(form), now);
        em.persist(event);
        return event;
    }

    /**
     * Changes an event. A published event's attendees are told when its time or place moved (with the
     * host's note and the updated calendar entry, in each one's language).
     */
    public CoalitionEvent revise(long id, @Valid EventForm form, String note) {
        CoalitionEvent event = em.find(CoalitionEvent.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new NotFoundException("event " + id);
        }
        requireHostOf(event);
        check(form);
        Instant now = clock.instant();
        EventDetails details = form.details();
        if (!details.startsAt().equals(event.getStartsAt())
                && !details.startsAt().isAfter(now)) {
            throw new EventRefusedException("date", "event.start.past");
        }
        if (!form.requestedSlug().isEmpty() && !form.requestedSlug().equals(event.getSlug())) {
            if (event.isPublished() || event.isCancelled()) {
                throw new EventRefusedException("slug", "event.slug.fixed");
            }
            event.rename(available(form.requestedSlug(), event), now);
        }
        CoalitionEvent.Change change = event.revise(details, now);
        event.cohostedBy(cohosts(form), now);
        if (change == CoalitionEvent.Change.TIME_OR_PLACE) {
            registrations.tellMoved(event, note);
        }
        if (change != CoalitionEvent.Change.NONE) {
            changed.fire(new EventsChanged());
        }
        return event;
    }

    /**
     * Posts or changes an event with its picture in one transaction: all of it is saved, or nothing.
     *
     * @param id          the event, or null for a new one
     * @param image       a new picture (an accepted image), or null to keep the current one
     * @param removeImage whether to drop the current picture when no new one is given
     */
    public CoalitionEvent save(Long id, @Valid EventForm form, String note, byte[] image, boolean removeImage) {
        CoalitionEvent event = id == null ? create(form) : revise(id, form, note);
        em.flush();
        event.describeImage(form.imageAlt());
        EventImage current = em.find(EventImage.class, event.getId());
        Instant now = clock.instant();
        if (image != null && current == null) {
            em.persist(new EventImage(event.getId(), image, now));
            event.imageChanged(now);
        } else if (image != null) {
            current.replace(image, now);
            event.imageChanged(now);
        } else if (removeImage && current != null) {
            em.remove(current);
            event.imageChanged(null);
        }
        if (image != null || removeImage) {
            changed.fire(new EventsChanged());
        }
        return event;
    }

    /** A picture anyone may see (its event is public), or its hosts and staff before. */
    @Transactional(TxType.SUPPORTS)
    public Optional<EventImage> image(long id) {
        CoalitionEvent event = em.find(CoalitionEvent.class, id);
        if (event == null || !(event.isVisible() || mayHost(event))) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(EventImage.class, id));
    }

    @Transactional(TxType.SUPPORTS)
    public boolean isPublic(long id) {
        CoalitionEvent event = em.find(CoalitionEvent.class, id);
        return event != null && event.isVisible();
    }

    private void check(EventForm form) {
        List<EventForm.Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new EventRefusedException(
                    problems.get(0).field(), problems.get(0).key());
        }
    }

    /**
     * The host hands a draft to staff. Staff's own drafts, and those of an organization staff trust with
     * its events, are published at once (its editors are told as on an approval).
     *
     * @return whether it was published (else it waits for review)
     */
    public boolean submit(long id) {
        CoalitionEvent event = findForHosting(id);
        Instant now = clock.instant();
        boolean trusted =
                event.getOrganization() != null && event.getOrganization().isEventsTrusted();
        if (caller.isCoalitionStaff() || trusted) {
            event.publish(now);
            changed.fire(new EventsChanged());
            if (!caller.isCoalitionStaff()) {
                notices.approved(event);
            }
            return true;
        }
        event.submitForReview(now);
        notices.submitted(event);
        return false;
    }

    /** Staff publish an event in review; its host's editors are told. */
    public void approve(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        CoalitionEvent event = find(id);
        event.publish(clock.instant());
        changed.fire(new EventsChanged());
        notices.approved(event);
    }

    /** Staff send an event back with a reason its host's editors read. */
    public void reject(long id, String reason) {
        caller.require(Role.ADMIN, Role.STAFF);
        CoalitionEvent event = find(id);
        event.reject(reason, clock.instant());
        notices.sentBack(event);
    }

    /** The host calls the event off: everyone registered or waitlisted is told, with the note and a calendar cancellation. */
    public void cancel(long id, String note) {
        CoalitionEvent event = em.find(CoalitionEvent.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new NotFoundException("event " + id);
        }
        requireHostOf(event);
        event.cancel(note, clock.instant());
        registrations.tellCancelled(event);
        changed.fire(new EventsChanged());
    }

    /** Events waiting for staff review, the longest waiting first. */
    @Transactional(TxType.SUPPORTS)
    public List<CoalitionEvent> awaitingReview() {
        caller.require(Role.ADMIN, Role.STAFF);
        return em.createNamedQuery("CoalitionEvent.findInReview", CoalitionEvent.class)
                .getResultList();
    }

    private Organization host(Long organizationId) {
        Account account = caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (organizationId == null) {
            if (account.getRole() == Role.ORG_EDITOR) {
                throw new EventRefusedException("organization", "event.organization.required");
            }
            return null;
        }
        Organization organization = organizations
                .findActive(organizationId)
                .orElseThrow(() -> new NotFoundException("organization " + organizationId));
        if (account.getRole() == Role.ORG_EDITOR && !organization.mayBeEditedBy(account)) {
            throw new AccessDeniedException(
                    "account " + account.getId() + " may not post for organization " + organization.getId());
        }
        return organization;
    }

    private void requireHostOf(CoalitionEvent event) {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        if (!mayHost(event)) {
            throw new AccessDeniedException("account may not host event " + event.getId());
        }
    }

    private List<Organization> cohosts(EventForm form) {
        return form.getCohostIds().stream()
                .distinct()
                .limit(50)
                .map(organizations::findActive)
                .flatMap(Optional::stream)
                .toList();
    }

    private CoalitionEvent find(long id) {
        CoalitionEvent event = em.find(CoalitionEvent.class, id);
        if (event == null) {
            throw new NotFoundException("event " + id);
        }
        return event;
    }

    private String available(String slug, CoalitionEvent self) {
        List<CoalitionEvent> holders = em.createNamedQuery("CoalitionEvent.findBySlug", CoalitionEvent.class)
                .setParameter("slug", slug)
                .getResultList();
        if (holders.stream().anyMatch(e -> !e.equals(self))) {
            throw new EventRefusedException("slug", "event.slug.taken");
        }
        return slug;
    }

    private String uniqueSlug(EventForm form) {
        String base = Organization.slugOf(form.title().in(Language.EN));
        String date = form.getDate().toString();
        String slug = base.length() > 60 ? base.substring(0, 60).replaceAll("-+$", "") : base;
        slug = slug.isEmpty() ? date : slug + "-" + date;
        String candidate = slug;
        for (int n = 2;
                !em.createNamedQuery("CoalitionEvent.findBySlug", CoalitionEvent.class)
                        .setParameter("slug", candidate)
                        .getResultList()
                        .isEmpty();
                n++) {
            candidate = slug + "-" + n;
        }
        return candidate;
    }
}
