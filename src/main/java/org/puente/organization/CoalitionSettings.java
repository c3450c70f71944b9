package org.puente.organization;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
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

    public void load() {
        Coalition coalition = coalitions.forEditing();
        if (name == null) {
            name = coalition.getName().en();
            nameEs = coalition.getName().es();
            missionEn = coalition.getMission().en();
            missionEs = coalition.getMission().es();
            postalAddress = coalition.getPostalAddress();
        }
    }

    public String save() {
        coalitions.update(new LocalizedText(name, nameEs), new LocalizedText(missionEn, missionEs), postalAddress);
        Pages.flash(FacesMessage.SEVERITY_INFO, "coalition.saved");
        return Pages.redirect("/admin/index");
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
