package org.puente.event;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.puente.platform.web.Pages;

/**
 * The roster and the door ({@code /admin/event-roster?id=}): search by name, one tap to check a person in,
 * made for a phone held at the entrance. Each tap is its own small POST; the page answers with the row and
 * the attended count.
 */
@Named
@RequestScoped
public class EventRosterPage {

    @Inject
    EventRoster roster;

    @Inject
    HttpServletRequest request;

    private Long id;
    private String query;
    private CoalitionEvent event;
    private List<EventRegistration> people;

    public void load() {
        if (id == null) {
            Pages.redirectToPath("/admin/events");
            return;
        }
        event = roster.event(id);
    }

    /**
     * The event's id: from the view parameter, or on a tap (a POST, before view parameters reach the bean)
     * from the form's own field.
     */
    private long id() {
        if (id == null) {
            String posted = request.getParameter("id");
            if (posted == null || !posted.matches("\\d{1,18}")) {
                throw new org.puente.platform.web.NotFoundException("roster without an event");
            }
            id = Long.parseLong(posted);
        }
        return id;
    }

    public CoalitionEvent getEvent() {
        if (event == null) {
            event = roster.event(id());
        }
        return event;
    }

    public List<EventRegistration> getPeople() {
        if (query == null && request.getParameter("q") != null) {
            setQuery(request.getParameter("q"));
        }
        if (people == null) {
            people = roster.roster(id(), query);
        }
        return people;
    }

    public long getAttended() {
        return roster.attended(id());
    }

    public String when(EventRegistration registration) {
        return registration.getCreatedAt() == null
                ? ""
                : EventTimes.date(registration.getCreatedAt().atZone(getEvent().getZone()), Pages.language()) + " "
                        + EventTimes.time(
                                registration.getCreatedAt().atZone(getEvent().getZone()), Pages.language());
    }

    /**
     * Checks in the person tapped. With scripts the button names the person itself (not the row's position,
     * which a new arrival could shift); without, the row's person, in the list as it was shown (the search
     * goes with the form).
     */
    public void checkIn(long rowPerson) {
        roster.checkIn(id(), tapped(rowPerson));
        people = null;
    }

    public void undo(long rowPerson) {
        roster.undoCheckIn(id(), tapped(rowPerson));
        people = null;
    }

    private long tapped(long rowPerson) {
        String registration = request.getParameter("registration");
        return registration != null && registration.matches("\\d{1,18}") ? Long.parseLong(registration) : rowPerson;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null || query.length() > 100 ? null : query;
    }
}
