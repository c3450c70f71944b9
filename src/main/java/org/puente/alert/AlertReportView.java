package org.puente.alert;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.puente.platform.web.NotFoundException;

/** One alert's report ({@code /admin/alert-report?id=}), for staff. */
@Named
@RequestScoped
public class AlertReportView {

    @Inject
    AlertService alerts;

    private Long id;
    private Alert alert;
    private AlertReport report;

    public void load() {
        if (id == null) {
            throw new NotFoundException("alert report without an id");
        }
        alert = alerts.find(id);
        report = alerts.report(id);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Alert getAlert() {
        return alert;
    }

    public AlertReport getReport() {
        return report;
    }
}
