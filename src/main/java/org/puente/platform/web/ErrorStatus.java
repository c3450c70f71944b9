package org.puente.platform.web;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.security.AccessDeniedException;

/**
 * The one mapping from the failures the portal expects to the status that answers them: access denied
 * → 403, not found → 404, a database that does not answer → 503 (with {@code Retry-After}). Shared by JSF ({@link PuenteExceptionHandler}) and plain servlets
 * ({@link ErrorStatusFilter}). The failure is looked for along the whole cause chain, since the
 * containers wrap what a service throws (EJB, transactions, EL, Faces).
 */
public final class ErrorStatus {

    /** The database is not answering: 503, with {@link #RETRY_AFTER_SECONDS} in {@code Retry-After}. */
    public static final int UNAVAILABLE = 503;

    /** When a client (or a load balancer) should ask again after a 503. */
    public static final String RETRY_AFTER_SECONDS = "30";

    private ErrorStatus() {}

    /** The status answering this failure, or empty when it is not one the portal expects (a bug: 500). */
    public static OptionalInt of(Throwable thrown) {
        if (find(thrown, AccessDeniedException.class).isPresent()) {
            return OptionalInt.of(403);
        }
        if (find(thrown, NotFoundException.class).isPresent()) {
            return OptionalInt.of(404);
        }
        if (DatabaseErrors.isUnavailable(thrown)) {
            return OptionalInt.of(UNAVAILABLE);
        }
        return OptionalInt.empty();
    }

    /** The first failure of this type in the cause chain, the failure itself included. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = thrown; current != null && seen.add(current); current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
        }
        return Optional.empty();
    }
}
