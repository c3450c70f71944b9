package org.puente.statement;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.puente.organization.Organization;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/**
 * An editor signs a statement for their organization ({@code /admin/statement-sign?id=}), naming who signs
 * and confirming they may, or withdraws the signature while sign-on is open.
 */
@Named
@ViewScoped
public class SignStatement implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StatementService statements;

    private Long id;
    private Long organizationId;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String signerName;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String signerTitle;

    private boolean mayCommit;

    private transient Statement statement;
    private transient List<Organization> toSign;

    public void load() {
        if (id == null) {
            throw new NotFoundException("no statement named");
        }
        statement = statements.find(id);
        if (!statement.isPublic()) {
            throw new NotFoundException("statement " + id);
        }
        if (organizationId == null && !getToSign().isEmpty()) {
            organizationId = getToSign().get(0).getId();
        }
    }

    public Statement getStatement() {
        if (statement == null) {
            statement = statements.find(id);
        }
        return statement;
    }

    public List<Organization> getOrganizations() {
        return statements.leadOptions();
    }

    /**
     * The caller's organizations that have yet to endorse the current text: not signed, withdrawn, or signed an
     * earlier version (asked to sign again). One that endorses it already is not offered the form again.
     */
    public List<Organization> getToSign() {
        if (toSign == null) {
            toSign = getOrganizations().stream()
                    .filter(o -> signatureOf(o)
                            .filter(Signatory::endorsesCurrentText)
                            .isEmpty())
                    .toList();
        }
        return toSign;
    }

    /** The organization's signature on this statement, if it stands. */
    public Optional<Signatory> signatureOf(Organization organization) {
        return statements.memberSignature(id, organization.getId()).filter(Signatory::isSigned);
    }

    public boolean isOpen() {
        return getStatement().isOpen();
    }

    public String sign() {
        try {
            statements.signForOrganization(id, organizationId, signerName, signerTitle, mayCommit);
        } catch (FieldRefusedException e) {
            Pages.refuse("sign:" + e.field(), e.key(), e.arguments());
            return null;
        } catch (StatementClosedException e) {
            Pages.error(null, "statement.sign.closed");
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.statement.signed");
        return Pages.redirect("/admin/statement-sign?id=" + id);
    }

    public String withdraw(long organization) {
        try {
            statements.withdraw(id, organization);
        } catch (StatementClosedException e) {
            Pages.error(null, "statement.sign.closed");
            return null;
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.statement.withdrawn");
        return Pages.redirect("/admin/statement-sign?id=" + id);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public String getSignerTitle() {
        return signerTitle;
    }

    public void setSignerTitle(String signerTitle) {
        this.signerTitle = signerTitle;
    }

    public boolean isMayCommit() {
        return mayCommit;
    }

    public void setMayCommit(boolean mayCommit) {
        this.mayCommit = mayCommit;
    }
}
