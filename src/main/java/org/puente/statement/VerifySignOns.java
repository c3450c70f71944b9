package org.puente.statement;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;

/**
 * Staff's queue of outside organizations' signatures to check ({@code /admin/statement-verify?id=}): each
 * confirmed signature with what the signer gave (the contact address included, for staff's questions) and
 * the signatures it may duplicate; verify lists it, reject tells the signer why.
 */
@Named
@ViewScoped
public class VerifySignOns implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SignOnService signOn;

    @Inject
    StatementService statements;

    private Long id;
    private final Map<Long, String> reasons = new HashMap<>();

    private transient Statement statement;
    private transient List<Signatory> waiting;
    private transient Map<Long, List<String>> duplicates;

    public void load() {
        if (id == null) {
            throw new NotFoundException("no statement named");
        }
        getWaiting(); // staff only: anyone else is refused here
        getStatement();
    }

    public Statement getStatement() {
        if (statement == null) {
            statement = statements.find(id);
        }
        return statement;
    }

    public List<Signatory> getWaiting() {
        if (waiting == null) {
            waiting = signOn.toVerify(id);
        }
        return waiting;
    }

    /** What else on this statement may be the same organization, for each waiting signature that has any. */
    public Map<Long, List<String>> getDuplicates() {
        if (duplicates == null) {
            duplicates = signOn.possibleDuplicates(id, getWaiting());
        }
        return duplicates;
    }

    public String verify(long signatoryId) {
        boolean done = signOn.verify(signatoryId);
        Pages.flash(FacesMessage.SEVERITY_INFO, done ? "admin.signOn.verified" : "admin.signOn.alreadyDecided");
        return Pages.redirect("/admin/statement-verify?id=" + id);
    }

    public String reject(long signatoryId) {
        boolean done;
        try {
            done = signOn.reject(signatoryId, reasons.get(signatoryId));
        } catch (FieldRefusedException e) {
            Pages.error(null, e.key(), e.arguments());
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, done ? "admin.signOn.rejected" : "admin.signOn.alreadyDecided");
        return Pages.redirect("/admin/statement-verify?id=" + id);
    }

    /** The reason typed for each signature, by its id (one form per signature). */
    public Map<Long, String> getReasons() {
        return reasons;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
