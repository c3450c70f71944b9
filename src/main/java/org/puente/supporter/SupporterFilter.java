package org.puente.supporter;

import jakarta.persistence.Query;
import java.util.Locale;
import org.puente.platform.i18n.Language;
import org.puente.platform.mail.EmailAddresses;

/**
 * What staff look for in the list: text matched against the start of the canonical address, the first
 * name or the last name (or "first last"), or the start of the address's domain ("@example.org", or
 * "example.org" as one word with a dot), and optionally one status and one language. Built from request
 * parameters leniently: an unknown status or language means "any".
 */
public record SupporterFilter(String query, SupporterStatus status, Language language) {

    static final int MAX_QUERY = 100;

    public SupporterFilter {
        query = query == null || query.isBlank() ? null : query.strip();
        if (query != null && query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
    }

    public static SupporterFilter of(String query, String status, String language) {
        SupporterStatus parsed = null;
        if (status != null) {
            for (SupporterStatus candidate : SupporterStatus.values()) {
                if (candidate.name().equalsIgnoreCase(status.strip())) {
                    parsed = candidate;
                }
            }
        }
        return new SupporterFilter(query, parsed, Language.parse(language).orElse(null));
    }

    /** The JPQL condition over {@code s}, with parameters named as {@link #bind} binds them. */
    String where() {
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and s.status = :status");
        }
        if (language != null) {
            where.append(" and s.language = :language");
        }
        if (query != null) {
            if (isDomain()) {
                where.append(" and s.emailDomain like :domain escape '!'");
            } else if (query.contains("@")) {
                where.append(" and s.emailCanonical like :email escape '!'");
            } else if (query.contains(" ")) {
                where.append(" and (s.firstName like :whole escape '!' or s.lastName like :whole escape '!'"
                        + " or (s.firstName like :first escape '!' and s.lastName like :rest escape '!'))");
            } else if (query.contains(".")) {
                where.append(" and (s.emailCanonical like :whole escape '!' or s.emailDomain like :whole escape '!')");
            } else {
                where.append(" and (s.emailCanonical like :whole escape '!' or s.firstName like :whole escape '!'"
                        + " or s.lastName like :whole escape '!')");
            }
        }
        return where.toString();
    }

    <Q extends Query> Q bind(Q query) {
        if (status != null) {
            query.setParameter("status", status);
        }
        if (language != null) {
            query.setParameter("language", language);
        }
        if (this.query != null) {
            if (isDomain()) {
                query.setParameter("domain", prefix(this.query.substring(1)));
            } else if (this.query.contains("@")) {
                query.setParameter("email", prefix(EmailAddresses.canonical(this.query)));
            } else {
                query.setParameter("whole", prefix(this.query));
                if (this.query.contains(" ")) {
                    String[] words = this.query.split("\\s+", 2);
                    query.setParameter("first", prefix(words[0]));
                    query.setParameter("rest", prefix(words[1]));
                }
            }
        }
        return query;
    }

    /** "@example.org": everyone at that domain (or at any domain that starts so). */
    private boolean isDomain() {
        return query.startsWith("@") && query.length() > 1 && query.indexOf('@', 1) < 0;
    }

    private static String prefix(String text) {
        return text.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
    }
}
