package org.puente.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.platform.web.ClientAddress;

/**
 * Slows password guessing without handing anyone a way to lock an account.
 *
 * <p>Failures are counted per (account, client) pair: {@value #FREE_ATTEMPTS} are free, then each further
 * attempt waits a delay that doubles from {@link #FIRST_DELAY} up to {@link #MAX_DELAY}. Guesses from one
 * client therefore never hold up the owner signing in from another. Across all clients an account has a
 * looser ceiling ({@value #ACCOUNT_CEILING} failures within {@link #WINDOW}); above it a client that has
 * already failed for the account waits for the window to pass, while a client with no failure still gets
 * its attempt, so a guesser pays a fresh address for every guess and the owner is never shut out. One
 * client (IPv6 counted by its /64) that fails {@value #PER_CLIENT} times within the window, whatever the
 * accounts, waits too. Unknown addresses are counted exactly like real ones.
 *
 * <p>An attempt is reserved, counted as a failure, before the password is checked, and given back when it
 * succeeds: simultaneous guesses cannot all pass the check. Kept in memory and bounded: when full, the
 * least recently used counters are forgotten first. One instance's view, reset on restart.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** A pair quiet for this long starts again from nothing. */
    static final Duration PAIR_MEMORY = Duration.ofHours(1);

    static final int ACCOUNT_CEILING = 50;
    static final int PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 100_000;

    /** An attempt the throttle let through; it counts as a failure unless {@link #succeeded()} is called. */
    public final class Attempt {
        private final String pairKey;
        private final String accountKey;
        private final String clientKey;
        private boolean settled;

        private Attempt(String pairKey, String accountKey, String clientKey) {
            this.pairKey = pairKey;
            this.accountKey = accountKey;
            this.clientKey = clientKey;
        }

        /** The password was right: this client's failures for the account are forgotten. */
        public void succeeded() {
            synchronized (counters) {
                if (settled) {
                    return;
                }
                settled = true;
                counters.remove(pairKey);
                if (counters.get(accountKey) instanceof Window window) {
                    window.giveBack();
                }
                if (counters.get(clientKey) instanceof Window window) {
                    window.giveBack();
                }
            }
        }
    }

    /** Failures of one (account, client) pair: how many, and when the last one was reserved. */
    private static final class Pair {
        int failures;
        Instant last;
    }

    /** A count within a fixed window that starts at its first event. */
    private static final class Window {
        int count;
        Instant start;

        int count(Instant now) {
            return start == null || !now.isBefore(start.plus(WINDOW)) ? 0 : count;
        }

        void add(Instant now) {
            if (count(now) == 0) {
                start = now;
                count = 0;
            }
            count++;
        }

        void giveBack() {
            count = Math.max(0, count - 1);
        }
    }

    /** Every counter, in order of last use; the eldest goes when the map is full. */
    private final Map<String, Object> counters = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return super.size() > MAX_KEYS;
        }
    };

    private final Clock clock;

    /** For the CDI client proxy only. */
    protected LoginThrottle() {
        this(null);
    }

    @Inject
    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reserves an attempt to sign in to {@code email} from {@code clientAddress}, before the password is
     * checked; empty when this client must wait.
     */
    public Optional<Attempt> reserve(String email, String clientAddress) {
        Instant now = clock.instant();
        String account = canonical(email);
        String client = "c\u0000" + ClientAddress.limitKey(clientAddress);
        String accountKey = "a\u0000" + account;
        String pairKey = "p\u0000" + account + "\u0000" + client;
        synchronized (counters) {
            Pair pair = counters.get(pairKey) instanceof Pair p ? p : null;
            if (pair != null && !now.isBefore(pair.last.plus(PAIR_MEMORY))) {
                counters.remove(pairKey);
                pair = null;
            }
            Window accountWindow = window(accountKey);
            Window clientWindow = window(client);
            int failures = pair == null ? 0 : pair.failures;
            if (clientWindow.count(now) >= PER_CLIENT
                    || (failures > 0 && accountWindow.count(now) >= ACCOUNT_CEILING)
                    || (failures >= FREE_ATTEMPTS && now.isBefore(pair.last.plus(delayAfter(failures))))) {
                return Optional.empty();
            }
            if (pair == null) {
                pair = new Pair();
                counters.put(pairKey, pair);
            }
            pair.failures++;
            pair.last = now;
            accountWindow.add(now);
            clientWindow.add(now);
            return Optional.of(new Attempt(pairKey, accountKey, client));
        }
    }

    /** The account's password was changed: every client may try it afresh. */
    public void forgetAccount(String email) {
        String account = canonical(email);
        String pairPrefix = "p\u0000" + account + "\u0000";
        synchronized (counters) {
            counters.remove("a\u0000" + account);
            counters.keySet().removeIf(key -> key.startsWith(pairPrefix));
        }
    }

    /** How long a pair with this many failures waits after its last one. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    int size() {
        synchronized (counters) {
            return counters.size();
        }
    }

    private Window window(String key) {
        Object found = counters.get(key);
        if (found instanceof Window window) {
            return window;
        }
        Window window = new Window();
        counters.put(key, window);
        return window;
    }

    private static String canonical(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
