package org.puente.alert;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.puente.platform.web.Pages;

/**
 * The list of alerts with their progress ({@code /admin/alerts?page=}), a page at a time, refreshed live
 * while one is sending. The progress of every alert on the page comes from one grouped query per request.
 */
@Named
@RequestScoped
public class ManageAlerts {

    @Inject
    AlertService alerts;

    @Inject
    AlertDispatcher dispatcher;

    private int page = 1;
    private AlertService.Results results;
    private Map<Long, AlertService.Progress> progress;

    private AlertService.Results results() {
        if (results == null) {
            results = alerts.list(Math.max(1, page) - 1);
        }
        return results;
    }

    public List<Alert> getList() {
        return results().rows();
    }

    private AlertService.Progress progressOf(Alert alert) {
        if (progress == null) {
            progress = alerts.progressOf(getList().stream()
                    .filter(a -> !a.isDraft() && !a.isScheduled())
                    .map(Alert::getId)
                    .toList());
        }
        return progress.getOrDefault(
                alert.getId(), new AlertService.Progress(new AlertDeliveries.Progress().counts(), 0));
    }

    public Map<DeliveryState, Long> progress(Alert alert) {
        return progressOf(alert).counts();
    }

    /** Messages per second over the last few seconds, while the alert is sending. */
    public long rate(Alert alert) {
        return Math.round(progressOf(alert).ratePerSecond());
    }

    /** Settled deliveries (sent, failed, skipped) as a percentage of the audience. */
    public int percent(Alert alert) {
        Integer size = alert.getAudienceSize();
        if (size == null || size == 0) {
            return alert.getState() == AlertState.SENT ? 100 : 0;
        }
        Map<DeliveryState, Long> counts = progress(alert);
        long settled =
                counts.get(DeliveryState.SENT) + counts.get(DeliveryState.FAILED) + counts.get(DeliveryState.SKIPPED);
        return (int) Math.min(100, settled * 100 / size);
    }

    public long count(Alert alert, String state) {
        return progress(alert).get(DeliveryState.valueOf(state));
    }

    public long remaining(Alert alert) {
        Map<DeliveryState, Long> counts = progress(alert);
        return counts.get(DeliveryState.PENDING) + counts.get(DeliveryState.CLAIMED);
    }

    /** The mail server's last answer while the senders wait for it, for a notice above the list. */
    public String getMailServerTrouble() {
        return isAnySending() ? dispatcher.mailServerTrouble().orElse(null) : null;
    }

    public boolean isAnySending() {
        return getList().stream().anyMatch(a -> a.getState() == AlertState.SENDING);
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public long getPages() {
        return Math.max(1, (results().total() + AlertService.PAGE_SIZE - 1) / AlertService.PAGE_SIZE);
    }

    public boolean isHasPrevious() {
        return page > 1;
    }

    public boolean isHasNext() {
        return page < getPages();
    }

    public String pause(long id) {
        alerts.pause(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.paused");
        return Pages.redirect("/admin/alerts");
    }

    public String cancelSchedule(long id) {
        alerts.cancelSchedule(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.scheduleCancelled");
        return Pages.redirect("/admin/alert?id=" + id);
    }

    public String resume(long id) {
        alerts.resume(id);
        Pages.flash(FacesMessage.SEVERITY_INFO, "admin.alert.resumed");
        return Pages.redirect("/admin/alerts");
    }
}
