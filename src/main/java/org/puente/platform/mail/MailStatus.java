package org.puente.platform.mail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;

/**
 * The outbox as staff see it on the dashboard ({@code #{mailStatus}}): how many messages wait to leave, how
 * long the oldest has waited, and a warning when mail has not been leaving for more than a few minutes.
 */
@Named
@RequestScoped
public class MailStatus {

    /** Past this, a waiting message means mail is not leaving (the first try is within a second). */
    static final Duration STUCK = Duration.ofMinutes(5);

    @Inject
    MailQueue queue;

    @Inject
    Clock clock;

    private Outbox.Backlog backlog;

    private Outbox.Backlog backlog() {
        if (backlog == null) {
            backlog = queue.backlog();
        }
        return backlog;
    }

    public long getWaiting() {
        return backlog().waiting();
    }

    /** Whole minutes the oldest waiting message has waited (0 when none waits). */
    public long getOldestMinutes() {
        return backlog()
                .oldest()
                .map(oldest ->
                        Math.max(0, Duration.between(oldest, clock.instant()).toMinutes()))
                .orElse(0L);
    }

    public boolean isStuck() {
        return backlog()
                .oldest()
                .map(oldest -> oldest.plus(STUCK).isBefore(clock.instant()))
                .orElse(false);
    }
}
