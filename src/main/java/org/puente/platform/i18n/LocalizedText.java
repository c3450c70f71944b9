package org.puente.platform.i18n;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * A piece of content written in English and Spanish side by side.
 *
 * <p>The reading rule: a reader gets their own language; when that version is empty they get the
 * other one, and {@link #isFallback(Language)} tells the page so it can mark the passage with its real
 * {@code lang}. The embedding entity names the two columns with {@code @AttributeOverride}.
 */
@Embeddable
@Access(AccessType.FIELD)
public class LocalizedText implements Serializable {

    private static final long serialVersionUID = 1L;

    private String en;
    private String es;

    protected LocalizedText() {}

    public LocalizedText(String en, String es) {
        this.en = normalize(en);
        this.es = normalize(es);
    }

    public static LocalizedText empty() {
        return new LocalizedText(null, null);
    }

    public String en() {
        return en;
    }

    public String es() {
        return es;
    }

    public String exactly(Language language) {
        return language == Language.EN ? en : es;
    }

    /** The text in the requested language, falling back to the other; empty string when neither exists. */
    public String in(Language language) {
        String own = exactly(language);
        if (own != null) {
            return own;
        }
        String other = exactly(language.other());
        return other == null ? "" : other;
    }

    /** Which language {@link #in(Language)} actually returns. */
    public Language languageShownFor(Language language) {
        return exactly(language) != null || exactly(language.other()) == null ? language : language.other();
    }

    public boolean isFallback(Language language) {
        return languageShownFor(language) != language;
    }

    public boolean isComplete() {
        return en != null && es != null;
    }

    public boolean isEmpty() {
        return en == null && es == null;
    }

    private static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalizedText other && Objects.equals(en, other.en) && Objects.equals(es, other.es);
    }

    @Override
    public int hashCode() {
        return Objects.hash(en, es);
    }

    @Override
    public String toString() {
        return "LocalizedText[en=" + en + ", es=" + es + "]";
    }
}
