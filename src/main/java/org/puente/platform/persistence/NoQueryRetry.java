package org.puente.platform.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink's own retry of a read that failed on a lost connection is switched off: by default it
 * reconnects up to three times, five seconds apart, so a request to a dead database waited fifteen seconds
 * and a frozen one much longer, logging a stack trace each time. The portal answers such a request 503 at
 * once ({@link DatabaseOutage}); races worth another try are retried by the services themselves
 * ({@link DatabaseErrors#retryingRaces}).
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
