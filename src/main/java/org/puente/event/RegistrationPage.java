package org.puente.event;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.web.Pages;

/**
 * A person's own registration page ({@code /registration?token=}), opened from any of their mails. A GET
 * only shows; confirming, cancelling and changing guests are POSTs, so a mail scanner following the link
 * changes nothing. The private address shows here only once their place is confirmed.
 */
@Named
@RequestScoped
public class RegistrationPage {

    @Inject
    RegistrationService registrations;

    @Inject
    HttpServletRequest request;

    @Inject
    EventReadCache cache;

    private String token;
    private Optional<EventRegistration> registration;
    private int guests;

    public EventRegistration getRegistration() {
        if (registration == null) {
            if (token == null) {
                // On a POST the page is rebuilt (it is stateless) before the form's fields reach the bean.
                token = java.util.stream.Stream.of("confirm:token", "guests:token", "cancel:token")
                        .map(request::getParameter)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
            }
            registration = registrations.findByLink(token);
            registration.ifPresent(r -> guests = r.getGuests());
        }
        return registration.orElse(null);
    }

    public boolean isFound() {
        return getRegistration() != null;
    }

    public long getWaitlistPosition() {
        return isFound() ? registrations.waitlistPosition(getRegistration()) : 0;
    }

    /** Whether the event still takes confirmations (published, not started). */
    public boolean isOpen() {
        return isFound() && getRegistration().getEvent().takesRegistrations(clock.instant());
    }

    @Inject
    java.time.Clock clock;

    /** The full place, for a confirmed attendee the host discloses it to. */
    public String getPrivatePlace() {
        EventRegistration found = getRegistration();
        if (found == null || !found.seesAddress() || found.getEvent().getPlace() == null) {
            return null;
        }
        return found.getEvent().getAttendance().hasPlace()
                ? found.getEvent().getPlace().getFullAddress()
                : null;
    }

    public String getPrivateOnlineUrl() {
        EventRegistration found = getRegistration();
        if (found == null || !found.seesAddress() || found.getEvent().getPlace() == null) {
            return null;
        }
        return found.getEvent().getPlace().getOnlineUrl();
    }

    public String when() {
        return EventTimes.when(getRegistration().getEvent(), Pages.language());
    }

    public String confirm() {
        Optional<EventRegistration> confirmed = DatabaseErrors.retryingRaces(3, () -> registrations.confirm(token));
        if (confirmed.isEmpty()) {
            registration = null;
            return null;
        }
        cache.forgetPlaces(confirmed.get().getEvent().getId());
        return back(confirmed.get().isConfirmed() ? Done.CONFIRMED : Done.WAITLISTED);
    }

    public String cancel() {
        boolean cancelled = DatabaseErrors.retryingRaces(3, () -> registrations.cancel(token));
        if (cancelled && getRegistration() != null) {
            cache.forgetPlaces(getRegistration().getEvent().getId());
        }
        return cancelled ? back(Done.CANCELLED) : back(null);
    }

    public String changeGuests() {
        boolean changed = DatabaseErrors.retryingRaces(3, () -> registrations.changeGuests(token, guests));
        if (!changed) {
            Pages.error("registration:guests", "registration.guests.noRoom");
            return null;
        }
        cache.forgetPlaces(getRegistration().getEvent().getId());
        return back(Done.GUESTS_CHANGED);
    }

    /**
     * What the last POST did, said on the page it redirects to (in its address: the page is stateless, and
     * a flash would need a session).
     */
    public enum Done {
        CONFIRMED,
        WAITLISTED,
        CANCELLED,
        GUESTS_CHANGED
    }

    public Done getDone() {
        String done = request.getParameter("done");
        for (Done value : Done.values()) {
            if (value.name().equals(done)) {
                return value;
            }
        }
        return null;
    }

    private String back(Done done) {
        return Pages.redirectToPath("/registration?token=" + token + "&lang="
                + Pages.language().code() + (done == null ? "" : "&done=" + done.name()));
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public int getGuests() {
        return guests;
    }

    public void setGuests(int guests) {
        this.guests = guests;
    }
}
