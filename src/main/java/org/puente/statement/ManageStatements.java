package org.puente.statement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.account.Caller;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/**
 * The admin list of statements ({@code #{manageStatements}}): the caller's (all, for staff) with submit,
 * approve, send back with a reason, close, release and archive; and the open statements their organization may
 * sign.
 */
@Named
@RequestScoped
public class ManageStatements {

    @Inject
    StatementService statements;

    @Inject
    SignOnService signOn;

    @Inject
    Caller caller;

    private Map<Long, Long> waiting;

    private final Map<Long, String> reasons = new HashMap<>();
    private List<Statement> list;
    private List<Statement> open;

    public List<Statement> getList() {
        if (list == null) {
            list = statements.listForCaller();
        }
        return list;
    }

    /** Open statements anyone's organization may sign (the caller's own ones included). */
    public List<Statement> getOpen() {
        if (open == null) {
            open = statements.openForSigning();
        }
        return open;
    }

    public long signed(Statement statement) {
        return statements.signatories(statement).size();
    }

    /** For staff: how many confirmed signatures from outside the coalition wait on this statement for them. */
    public long waitingForStaff(Statement statement) {
        if (!caller.isCoalitionStaff()) {
            return 0;
        }
        if (waiting == null) {
            waiting = signOn.waitingCounts();
        }
        return waiting.getOrDefault(statement.getId(), 0L);
    }

    public boolean mayLead(Statement statement) {
        return statements.mayLead(statement);
    }

    public String submit(long id) {
        return done(statements.submit(id) ? "admin.statements.opened" : "admin.statements.submitted");
    }

    public String approve(long id) {
        statements.approve(id);
        return done("admin.statements.approved");
    }

    public String sendBack(long id) {
        String reason = reasons.get(id);
        if (reason == null
                || reason.isBlank()
                || reason.length() > 1000
                || !PlainText.Validator.isPlain(reason, true)) {
            Pages.error(null, "admin.statements.reasonRequired");
            return null;
        }
        statements.sendBack(id, reason);
        return done("admin.statements.sentBack");
    }

    public String close(long id) {
        statements.close(id);
        return done("admin.statements.closed");
    }

    public String release(long id) {
        statements.release(id);
        return done("admin.statements.released");
    }

    public String archive(long id) {
        statements.archive(id);
        return done("admin.statements.archived");
    }

    private static String done(String key) {
        Pages.flash(FacesMessage.SEVERITY_INFO, key);
        return Pages.redirect("/admin/statements");
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
