package org.puente.statement;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.puente.platform.i18n.CountryCode;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.PlainText;

/**
 * What the public sign-on form asks: for an organization outside the coalition, its name, website and place,
 * and who signs for it; for a person (where the lead lets individuals sign), their name and place and whether
 * to show the name. The e-mail is for the confirmation link and staff's questions only, never shown publicly.
 * Nothing else: no phone, no street address.
 */
public class SignOnForm {

    @Size(min = 2, max = 200, message = "{statement.signOn.organization.size}")
    @PlainText
    private String organizationName;

    @Size(max = 300, message = "{field.tooLong}")
    @Pattern(regexp = "(https?://[^\\s<>\"]+\\.[^\\s<>\"]+)?", message = "{organization.website.invalid}")
    private String website;

    @NotBlank(message = "{statement.signOn.city.required}")
    @Size(max = 100, message = "{field.tooLong}")
    @PlainText
    private String city;

    @Size(max = 100, message = "{field.tooLong}")
    @PlainText
    private String region;

    @NotBlank(message = "{organization.country.required}")
    @CountryCode
    private String country;

    @NotBlank(message = "{statement.signOn.signerName.required}")
    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String signerName;

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String signerTitle;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    @PlainText
    private String email;

    @NotNull
    private Language language = Language.EN;

    /** The signer confirms they may sign for the organization (organizations only). */
    private boolean authority;

    /** Whether a person signing for themselves lets their name be shown (else only counted). */
    private boolean namePublic;

    public String getOrganizationName() {
        return organizationName;
    }

    public void setOrganizationName(String organizationName) {
        this.organizationName = organizationName;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public boolean isAuthority() {
        return authority;
    }

    public void setAuthority(boolean authority) {
        this.authority = authority;
    }

    public boolean isNamePublic() {
        return namePublic;
    }

    public void setNamePublic(boolean namePublic) {
        this.namePublic = namePublic;
    }
}
