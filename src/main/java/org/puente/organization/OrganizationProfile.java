package org.puente.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.puente.platform.i18n.CountryCode;
import org.puente.platform.web.PlainText;

/**
 * What an organization says about itself: the editable part of {@link Organization}, bound to the
 * edit form and validated before it reaches the entity.
 */
public class OrganizationProfile implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "{organization.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String name;

    @Size(max = 5000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String descriptionEn;

    @Size(max = 5000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String descriptionEs;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String city;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String region;

    @NotBlank(message = "{organization.country.required}")
    @CountryCode
    private String country;

    @Size(max = 300, message = "{field.tooLong}")
    @Pattern(regexp = "(https?://[^\\s<>\"]+)?", message = "{organization.website.invalid}")
    private String website;

    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    private String contactEmail;

    public OrganizationProfile() {}

    public static OrganizationProfile of(Organization organization) {
        OrganizationProfile profile = new OrganizationProfile();
        profile.name = organization.getName();
        profile.descriptionEn = organization.getDescription().en();
        profile.descriptionEs = organization.getDescription().es();
        profile.city = organization.getCity();
        profile.region = organization.getRegion();
        profile.country = organization.getCountry();
        profile.website = organization.getWebsite();
        profile.contactEmail = organization.getContactEmail();
        return profile;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public String getDescriptionEs() {
        return descriptionEs;
    }

    public void setDescriptionEs(String descriptionEs) {
        this.descriptionEs = descriptionEs;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }
}
