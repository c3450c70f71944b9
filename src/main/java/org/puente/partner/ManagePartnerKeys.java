package org.puente.partner;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/**
 * {@code /admin/partner-keys} (coalition staff): issue a key to a partner tool, shown once after the
 * redirect, and revoke keys. The list never shows a key, only whose it is and its limits.
 */
@Named
@ViewScoped
public class ManagePartnerKeys implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The flash entry carrying a just-issued key to the page after the redirect, and no further. */
    static final String ISSUED = "issuedPartnerKey";

    @Inject
    PartnerKeyService keys;

    @NotBlank(message = "{partnerKeys.name.required}")
    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String name;

    @NotNull(message = "{partnerKeys.limit.invalid}")
    @Min(value = 1, message = "{partnerKeys.limit.invalid}")
    @Max(value = 1_000_000, message = "{partnerKeys.limit.invalid}")
    private Integer perMinute;

    @NotNull(message = "{partnerKeys.limit.invalid}")
    @Min(value = 1, message = "{partnerKeys.limit.invalid}")
    @Max(value = 1_000_000, message = "{partnerKeys.limit.invalid}")
    private Integer perHour;

    private List<PartnerKey> all;

    public void load() {
        if (perMinute == null && perHour == null) {
            perMinute = keys.defaultPerMinute();
            perHour = keys.defaultPerHour();
        }
        all = keys.list();
    }

    public String issue() {
        PartnerKeyService.IssuedKey issued = keys.issue(name, perMinute, perHour);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(ISSUED, issued.secret());
        Pages.flash(
                FacesMessage.SEVERITY_INFO, "partnerKeys.issued", issued.key().getName());
        return Pages.redirect("/admin/partner-keys");
    }

    public String revoke(long id) {
        keys.revoke(id).ifPresent(revoked -> Pages.flash(FacesMessage.SEVERITY_INFO, "partnerKeys.revoked", revoked));
        return Pages.redirect("/admin/partner-keys");
    }

    public List<PartnerKey> getAll() {
        return all;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPerMinute() {
        return perMinute;
    }

    public void setPerMinute(Integer perMinute) {
        this.perMinute = perMinute;
    }

    public Integer getPerHour() {
        return perHour;
    }

    public void setPerHour(Integer perHour) {
        this.perHour = perHour;
    }
}
