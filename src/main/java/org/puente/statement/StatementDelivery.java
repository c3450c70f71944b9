package org.puente.statement;

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
import java.time.LocalDate;

/** One delivery of a statement to an office or a person: the record staff and the leads keep, never public. */
@Entity
@Table(name = "statement_delivery")
@NamedQuery(
        name = "StatementDelivery.findByStatement",
        query =
                "select d from StatementDelivery d where d.statementId = :statementId order by d.deliveredOn desc, d.id desc")
public class StatementDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "statement_id", nullable = false, updatable = false)
    private Long statementId;

    @Column(nullable = false)
    private String office;

    private String person;

    @Column(name = "delivered_on", nullable = false)
    private LocalDate deliveredOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryMethod method;

    private String notes;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StatementDelivery() {}

    StatementDelivery(
            Statement statement,
            String office,
            String person,
            LocalDate deliveredOn,
            DeliveryMethod method,
            String notes,
            Long createdBy,
            Instant now) {
        this.statementId = statement.getId();
        this.office = office.strip();
        this.person = person == null || person.isBlank() ? null : person.strip();
        this.deliveredOn = deliveredOn;
        this.method = method;
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getOffice() {
        return office;
    }

    public String getPerson() {
        return person;
    }

    public LocalDate getDeliveredOn() {
        return deliveredOn;
    }

    public DeliveryMethod getMethod() {
        return method;
    }

    public String getNotes() {
        return notes;
    }
}
