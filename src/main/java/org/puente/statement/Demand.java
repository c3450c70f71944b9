package org.puente.statement;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.io.Serializable;
import java.util.Objects;
import org.puente.platform.i18n.LocalizedText;

/**
 * One numbered demand of a statement, both languages side by side, with whom it is addressed to
 * ("To the US Congress", "Al Gobierno de México"), if anyone. Its number is its place in the list.
 */
@Embeddable
public class Demand implements Serializable {

    private static final long serialVersionUID = 1L;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "text_en")),
        @AttributeOverride(name = "es", column = @Column(name = "text_es"))
    })
    private LocalizedText text;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "addressee_en")),
        @AttributeOverride(name = "es", column = @Column(name = "addressee_es"))
    })
    private LocalizedText addressee;

    protected Demand() {}

    public Demand(LocalizedText text, LocalizedText addressee) {
        this.text = text == null ? LocalizedText.empty() : text;
        this.addressee = addressee == null ? LocalizedText.empty() : addressee;
    }

    /** A demand says something in at least one language. */
    public boolean isEmpty() {
        return text == null || text.isEmpty();
    }

    public LocalizedText getText() {
        return text == null ? LocalizedText.empty() : text;
    }

    public LocalizedText getAddressee() {
        return addressee == null ? LocalizedText.empty() : addressee;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Demand other
                && getText().equals(other.getText())
                && getAddressee().equals(other.getAddressee());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getText(), getAddressee());
    }
}
