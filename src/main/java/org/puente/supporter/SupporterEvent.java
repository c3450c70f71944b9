package org.puente.supporter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of a supporter's history: a consent, an unsubscribe, a bounce, a change of language, with who
 * or what caused it ({@code petition:slug}, {@code alert 42}, {@code staff: e-mail}). Written once, never
 * changed; it goes with the supporter when they are erased.
 */
@Entity
@Table(name = "supporter_event")
@NamedQuery(
        name = "SupporterEvent.findBySupporterNewestFirst",
        query =
                "select e from SupporterEvent e where e.supporterId = :supporterId order by e.happenedAt desc, e.id desc")
public class SupporterEvent {

    /** The longest source the column keeps; longer ones are cut. */
    static final int SOURCE_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "supporter_id", nullable = false, updatable = false)
    private long supporterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SupporterEventKind kind;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "happened_at", nullable = false, updatable = false)
    private Instant happenedAt;

    protected SupporterEvent() {}

    public SupporterEvent(long supporterId, SupporterEventKind kind, String source, Instant happenedAt) {
        this.supporterId = supporterId;
        this.kind = kind;
        this.source = source(source);
        this.happenedAt = happenedAt;
    }

    /** A source as the column keeps it. */
    static String source(String source) {
        return source.length() > SOURCE_LENGTH ? source.substring(0, SOURCE_LENGTH) : source;
    }

    public Long getId() {
        return id;
    }

    public long getSupporterId() {
        return supporterId;
    }

    public SupporterEventKind getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public Instant getHappenedAt() {
        return happenedAt;
    }
}
