package org.puente.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.puente.platform.i18n.LocalizedText;

/**
 * Everything a lead writes for a statement, as one value the entity checks whole.
 *
 * @param countries ISO 3166 alpha-2 codes of the countries it concerns
 * @param deadline  when sign-on closes (an instant; shown in {@code deadlineZone}), or null for none
 * @param signOn    false for a statement published without a sign-on phase
 * @param individuals whether people may sign for themselves too, while sign-on is open
 */
public record StatementText(
        LocalizedText title,
        LocalizedText summary,
        LocalizedText preamble,
        List<Demand> demands,
        LocalizedText closing,
        List<String> tags,
        List<String> countries,
        MediaContact media,
        LocalDate releaseDate,
        Instant deadline,
        String deadlineZone,
        boolean signOn,
        boolean individuals) {

    /** A text that takes signatures from organizations only. */
    public StatementText(
            LocalizedText title,
            LocalizedText summary,
            LocalizedText preamble,
            List<Demand> demands,
            LocalizedText closing,
            List<String> tags,
            List<String> countries,
            MediaContact media,
            LocalDate releaseDate,
            Instant deadline,
            String deadlineZone,
            boolean signOn) {
        this(
                title,
                summary,
                preamble,
                demands,
                closing,
                tags,
                countries,
                media,
                releaseDate,
                deadline,
                deadlineZone,
                signOn,
                false);
    }

    /** Shown publicly, labelled as such: whom journalists call. */
    public record MediaContact(String name, String organization, String email, String phone) {}
}
