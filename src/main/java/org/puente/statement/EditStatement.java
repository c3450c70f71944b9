package org.puente.statement;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.util.List;
import org.puente.organization.Organization;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.time.CoalitionZones;
import org.puente.platform.time.StaffTimeZone;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.Pages;

/**
 * Drafting a statement ({@code /admin/statement?id=}): both languages side by side, demands added, moved
 * and removed in place; the service checks on every save that the caller leads it.
 */
@Named
@ViewScoped
public class EditStatement implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StatementService statements;

    @Inject
    StaffTimeZone staffZone;

    private Long id;

    @Valid
    private StatementForm form;

    private String rejectionReason;

    /** Editing a statement already open for sign-on (a change may make a new version). */
    private boolean open;

    /** Organizations signed it already. */
    private boolean signed;

    /** Staff mark a change to an open statement editorial: no new version. */
    private boolean editorial;

    public void load() {
        if (form != null) {
            return;
        }
        if (id == null) {
            form = new StatementForm();
            form.setDeadlineZone(staffZone.zone().getId());
            List<Organization> own = statements.leadOptions();
            if (!own.isEmpty()) {
                form.setOrganizationId(own.get(0).getId());
            }
            return;
        }
        Statement statement = statements.findForLeading(id);
        if (!statement.isDraft() && !statement.isOpen()) {
            Pages.redirectToPath("/admin/statements");
            return;
        }
        form = StatementForm.of(statement);
        rejectionReason = statement.getRejectionReason();
        open = statement.isOpen();
        signed = !statements.signatories(statement).isEmpty();
    }

    public String save() {
        try {
            if (id == null) {
                statements.create(form.getOrganizationId(), form.getColeadIds(), form.slugOrFromTitle(), form.text());
            } else if (statements.revise(id, form.getColeadIds(), form.text(), editorial)) {
                Pages.flash(FacesMessage.SEVERITY_INFO, "admin.statement.newVersion");
                return Pages.redirect("/admin/statements");
            }
        } catch (FieldRefusedException e) {
            Pages.refuse("form:" + e.field(), e.key(), e.arguments());
            return null;
        } catch (PersistenceException | TransactionalException e) {
            if (!DatabaseErrors.isDuplicate(e)) {
                throw e;
            }
            Pages.error("form:slug", "statement.slug.taken");
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.statement.saved");
        return Pages.redirect("/admin/statements");
    }

    public void addDemand() {
        form.addDemand();
    }

    public void removeDemand(int index) {
        form.removeDemand(index);
    }

    public void moveUp(int index) {
        form.moveDemand(index, -1);
    }

    public void moveDown(int index) {
        form.moveDemand(index, 1);
    }

    public List<Organization> getOrganizations() {
        return statements.leadOptions();
    }

    public List<Organization> getColeadOptions() {
        return statements.coleadOptions();
    }

    public boolean isMayLeadAsCoalition() {
        return statements.mayLeadAsCoalition();
    }

    public List<String> getZones() {
        return CoalitionZones.offered();
    }

    public String zoneLabel(String zone) {
        return CoalitionZones.label(zone);
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public StatementForm getForm() {
        return form;
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isEditorial() {
        return editorial;
    }

    public void setEditorial(boolean editorial) {
        this.editorial = editorial;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }
}
