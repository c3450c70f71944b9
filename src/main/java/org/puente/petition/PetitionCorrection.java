package org.puente.petition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One small correction of an open petition's texts, kept in the petition's history so staff can see who
 * changed what people had already signed, and when. The person's name is copied at the time: the history
 * stays readable whatever becomes of the account.
 */
@Entity
@Table(name = "petition_correction")
@NamedQuery(
        name = "PetitionCorrection.findByPetition",
        query =
                "select c from PetitionCorrection c where c.petition.id = :petitionId order by c.correctedAt desc, c.id desc")
public class PetitionCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "petition_id")
    private Petition petition;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "corrected_by", nullable = false)
    private String correctedBy;

    @Column(name = "corrected_at", nullable = false)
    private Instant correctedAt;

    @Column(nullable = false)
    private String fields;

    @Column(name = "changed_characters", nullable = false)
    private int changedCharacters;

    protected PetitionCorrection() {}

    PetitionCorrection(
            Petition petition, Long accountId, String correctedBy, Petition.Correction correction, Instant at) {
        this.petition = petition;
        this.accountId = accountId;
        this.correctedBy = correctedBy.length() > 120 ? correctedBy.substring(0, 120) : correctedBy;
        this.fields = correction.fields().stream().map(Enum::name).collect(Collectors.joining(","));
        this.changedCharacters = correction.changedCharacters();
        this.correctedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getCorrectedBy() {
        return correctedBy;
    }

    public Instant getCorrectedAt() {
        return correctedAt;
    }

    public List<PetitionField> getFields() {
        return Arrays.stream(fields.split(",")).map(PetitionField::valueOf).toList();
    }

    public int getChangedCharacters() {
        return changedCharacters;
    }
}
