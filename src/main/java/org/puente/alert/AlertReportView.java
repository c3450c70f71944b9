package org.puente.alert;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.puente.platform.web.NotFoundException;

/**
 * One alert's report ({@code /admin/alert-report?id=}), for staff. While the alert is sending, the page asks
 * for fresh figures every few seconds ({@link #refresh}) and stops asking once it is done.
 */
@Named
@ViewScoped
public class AlertReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    private Long id;
    private transient Alert alert;
    private transient AlertReport report;

    public void load() {
        if (id == null) {
            throw new NotFoundException("alert report without an id");
        }
        refresh();
    }

    /** Reads the alert and its figures again (the page's poll). */
    public void refresh() {
        alert = alerts.find(id);
        report = alerts.report(id);
    }

    /** The figures still move: the page keeps refreshing itself. */
    public boolean isSending() {
        return getAlert().getState() == AlertState.SENDING;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Alert getAlert() {
        if (alert == null && id != null) {
            refresh();
        }
        return alert;
    }

    public AlertReport getReport() {
        if (report == null && id != null) {
            refresh();
        }
        return report;
    }
}
