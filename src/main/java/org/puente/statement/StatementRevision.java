package org.puente.statement;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.puente.platform.i18n.LocalizedText;

/**
 * The text of a statement as it stood after one revision once it opened (the first one: as it opened), so
 * what any signature endorsed can be shown, and what changed can be told.
 */
@Entity
@Table(name = "statement_revision")
@NamedQuery(
        name = "StatementRevision.findLatest",
        query = "select r from StatementRevision r where r.statementId = :statementId order by r.id desc")
public class StatementRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "statement_id", nullable = false, updatable = false)
    private Long statementId;

    @Column(name = "text_version", nullable = false, updatable = false)
    private int textVersion;

    @Column(nullable = false, updatable = false)
    private boolean editorial;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "title_en")),
        @AttributeOverride(name = "es", column = @Column(name = "title_es"))
    })
    private LocalizedText title;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "preamble_en")),
        @AttributeOverride(name = "es", column = @Column(name = "preamble_es"))
    })
    private LocalizedText preamble;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "closing_en")),
        @AttributeOverride(name = "es", column = @Column(name = "closing_es"))
    })
    private LocalizedText closing;

    @Column(name = "demands_json", nullable = false, updatable = false)
    private String demandsJson;

    @Column(name = "created_by", updatable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StatementRevision() {}

    /** The statement's text as it is now. */
    static StatementRevision of(Statement statement, boolean editorial, Long author, Instant now) {
        StatementRevision revision = new StatementRevision();
        revision.statementId = statement.getId();
        revision.textVersion = statement.getTextVersion();
        revision.editorial = editorial;
        revision.title = statement.getTitle();
        revision.preamble = statement.getPreamble();
        revision.closing = statement.getClosing();
        revision.demandsJson = toJson(statement.getDemands());
        revision.createdBy = author;
        revision.createdAt = now;
        return revision;
    }

    static String toJson(List<Demand> demands) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Demand demand : demands) {
            array.add(Json.createObjectBuilder()
                    .add("text_en", orNull(demand.getText().en()))
                    .add("text_es", orNull(demand.getText().es()))
                    .add("addressee_en", orNull(demand.getAddressee().en()))
                    .add("addressee_es", orNull(demand.getAddressee().es())));
        }
        return array.build().toString();
    }

    private static JsonValue orNull(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    static List<Demand> fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().stream()
                    .map(JsonValue::asJsonObject)
                    .map(o -> new Demand(
                            new LocalizedText(text(o, "text_en"), text(o, "text_es")),
                            new LocalizedText(text(o, "addressee_en"), text(o, "addressee_es"))))
                    .toList();
        }
    }

    private static String text(JsonObject object, String name) {
        return object.isNull(name) ? null : object.getString(name);
    }

    public List<Demand> getDemands() {
        return fromJson(demandsJson);
    }

    public int getTextVersion() {
        return textVersion;
    }

    public boolean isEditorial() {
        return editorial;
    }

    public LocalizedText getTitle() {
        return title;
    }

    public LocalizedText getPreamble() {
        return preamble == null ? LocalizedText.empty() : preamble;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
