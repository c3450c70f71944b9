package org.puente.platform.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The countries a person can name ({@code #{countries}} in views): stored as ISO 3166 two-letter codes, shown
 * by name in the reader's language, the coalition's countries first (United States, Mexico, Guatemala,
 * Honduras, El Salvador), then all others A–Z in that language's order. Names come from the JDK's locale data.
 */
@Named("countries")
@ApplicationScoped
public class Countries {

    /** The countries the coalition works in, in the order its people look for them. */
    public static final List<String> COALITION = List.of("US", "MX", "GT", "HN", "SV");

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /** A country as a list shows it. */
    public record Country(String code, String name) {}

    private final Map<Language, List<Country>> lists = new EnumMap<>(Language.class);
    private final Map<String, String> byName = new HashMap<>();

    @Inject
    CurrentLanguage language;

    public Countries() {
        for (Language each : Language.values()) {
            lists.put(each, build(each));
        }
        for (String code : CODES) {
            for (Language each : Language.values()) {
                byName.put(fold(name(code, each)), code);
            }
        }
    }

    /** Whether the code names a country (upper case, as stored). */
    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    public static String name(String code, Language language) {
        return isKnown(code) ? new Locale("", code).getDisplayCountry(language.locale()) : String.valueOf(code);
    }

    /** The list for a form, in the language of the page. */
    public List<Country> getOptions() {
        return getOptions(language.get());
    }

    public List<Country> getOptions(Language language) {
        return lists.get(language);
    }

    /** A stored code's name in the language of the page; an unknown value as it is. */
    public String name(String code) {
        return code == null ? "" : name(code, language.get());
    }

    /**
     * What a person or a file wrote, as a code: a two-letter code, or a country's name in English or Spanish,
     * without regard to case or accents ("México", "mexico", "MX").
     */
    public Optional<String> parse(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String upper = written.strip().toUpperCase(Locale.ROOT);
        if (isKnown(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(byName.get(fold(written)));
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static List<Country> build(Language language) {
        List<Country> first = new ArrayList<>();
        for (String code : COALITION) {
            first.add(new Country(code, name(code, language)));
        }
        Collator collator = Collator.getInstance(language.locale());
        List<Country> others = new ArrayList<>();
        for (String code : CODES) {
            if (!COALITION.contains(code)) {
                others.add(new Country(code, name(code, language)));
            }
        }
        others.sort(Comparator.comparing(Country::name, collator));
        first.addAll(others);
        return List.copyOf(first);
    }
}
