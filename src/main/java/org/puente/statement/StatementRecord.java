package org.puente.statement;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.puente.organization.Organization;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/**
 * A statement's record for staff and its leads ({@code /admin/statement-record?id=}): every signature
 * (withdrawn ones and earlier versions too) with the CSV, invitations to member organizations while it is
 * open, the text's history, and the log of where it was delivered.
 */
@Named
@ViewScoped
public class StatementRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StatementService statements;

    private Long id;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String office;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String person;

    private LocalDate deliveredOn;
    private DeliveryMethod method = DeliveryMethod.EMAIL;

    @Size(max = 2000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String notes;

    private List<Long> invited = new ArrayList<>();

    private transient Statement statement;
    private transient List<Signatory> signatures;

    public void load() {
        if (id == null) {
            throw new NotFoundException("no statement named");
        }
        statement = statements.findForLeading(id);
    }

    public Statement getStatement() {
        if (statement == null) {
            statement = statements.findForLeading(id);
        }
        return statement;
    }

    public List<Signatory> getSignatures() {
        if (signatures == null) {
            signatures = statements.allSignatures(id);
        }
        return signatures;
    }

    /** Outside organizations' confirmed signatures waiting for staff (shown to staff, who verify them). */
    public long getWaitingForStaff() {
        return getSignatures().stream()
                .filter(s -> s.getState() == SignatoryState.UNVERIFIED)
                .count();
    }

    public List<StatementDelivery> getDeliveries() {
        return statements.deliveries(id);
    }

    public List<StatementRevision> getRevisions() {
        return statements.revisions(getStatement());
    }

    /** Member organizations not signed yet, to invite. */
    public List<Organization> getInvitable() {
        Set<Long> signed = getSignatures().stream()
                .filter(Signatory::isSigned)
                .map(Signatory::getOrganization)
                .filter(o -> o != null)
                .map(Organization::getId)
                .collect(Collectors.toSet());
        return statements.coleadOptions().stream()
                .filter(o -> !signed.contains(o.getId()))
                .toList();
    }

    public String record() {
        try {
            statements.recordDelivery(id, office, person, deliveredOn, method, notes);
        } catch (FieldRefusedException e) {
            Pages.refuse("delivery:" + e.field(), e.key(), e.arguments());
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.statementRecord.delivered");
        return Pages.redirect("/admin/statement-record?id=" + id);
    }

    public String invite() {
        if (invited.isEmpty()) {
            Pages.error("invite:organizations", "admin.statementRecord.inviteNone");
            return null;
        }
        int people;
        try {
            people = statements.invite(id, invited);
        } catch (StatementClosedException e) {
            Pages.error(null, "statement.sign.closed");
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.statementRecord.invited", people);
        return Pages.redirect("/admin/statement-record?id=" + id);
    }

    public DeliveryMethod[] getMethods() {
        return DeliveryMethod.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public LocalDate getDeliveredOn() {
        return deliveredOn;
    }

    public void setDeliveredOn(LocalDate deliveredOn) {
        this.deliveredOn = deliveredOn;
    }

    public DeliveryMethod getMethod() {
        return method;
    }

    public void setMethod(DeliveryMethod method) {
        this.method = method;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<Long> getInvited() {
        return invited;
    }

    public void setInvited(List<Long> invited) {
        this.invited = invited;
    }
}
