package org.puente.organization;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/** The coalition's own bilingual name and mission and postal address ({@code /admin/coalition}, admins only). */
@Named
@ViewScoped
public class CoalitionSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CoalitionService coalitions;

    @NotBlank(message = "{coalition.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String name;

    @NotBlank(message = "{coalition.nameEs.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String nameEs;

    @Size(max = 2000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String missionEn;

    @Size(max = 2000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String missionEs;

    @NotBlank(message = "{coalition.address.required}")
    @Size(max = 500, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String postalAddress;

    /** An IANA id, chosen from {@link #getTimeZones}. */
    private String timeZone;

    private transient List<ZoneChoice> timeZones;

    public void load() {
        Coalition coalition = coalitions.forEditing();
        if (name == null) {
            name = coalition.getName().en();
            nameEs = coalition.getName().es();
            missionEn = coalition.getMission().en();
            missionEs = coalition.getMission().es();
            postalAddress = coalition.getPostalAddress();
        }
        if (timeZone == null) {
            timeZone = coalition.getTimeZone().getId();
        }
    }

    public String save() {
        if (!ZoneChoice.isOffered(timeZone)) {
            Pages.error("coalition:timeZone", "coalition.timeZone.required");
            return null;
        }
        coalitions.update(new LocalizedText(name, nameEs), new LocalizedText(missionEn, missionEs), postalAddress);
        coalitions.moveTo(ZoneId.of(timeZone));
        Pages.flash(FacesMessage.SEVERITY_INFO, "coalition.saved");
        return Pages.redirect("/admin/index");
    }

    /** The zones staff may choose, named in the reader's language. */
    public List<ZoneChoice> getTimeZones() {
        if (timeZones == null) {
            timeZones = ZoneChoice.all(Pages.language().locale());
        }
        return timeZones;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameEs() {
        return nameEs;
    }

    public void setNameEs(String nameEs) {
        this.nameEs = nameEs;
    }

    public String getMissionEn() {
        return missionEn;
    }

    public void setMissionEn(String missionEn) {
        this.missionEn = missionEn;
    }

    public String getMissionEs() {
        return missionEs;
    }

    public void setMissionEs(String missionEs) {
        this.missionEs = missionEs;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(String postalAddress) {
        this.postalAddress = postalAddress;
    }
}
