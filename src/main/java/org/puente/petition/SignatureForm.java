package org.puente.petition;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.puente.platform.i18n.CountryCode;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.PlainText;

/** What a signer types: the least the petition needs, validated before it reaches a {@link Signature}. */
public class SignatureForm {

    private static final String NO_LINKS = "^(?i)(?!.*(://|www\\.|\\.(com|org|net|ru|xyz)\\b)).*$";

    @NotBlank(message = "{signature.firstName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    @Pattern(regexp = NO_LINKS, message = "{signature.name.noLinks}")
    @PlainText
    private String firstName;

    @NotBlank(message = "{signature.lastName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    @Pattern(regexp = NO_LINKS, message = "{signature.name.noLinks}")
    @PlainText
    private String lastName;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    @PlainText
    private String email;

    @Size(max = 20, message = "{field.tooLong}")
    @Pattern(regexp = "[\\p{L}\\p{N} -]*", message = "{signature.postalCode.invalid}")
    private String postalCode;

    @NotBlank(message = "{organization.country.required}")
    @CountryCode
    private String country;

    @NotNull
    private Language language = Language.EN;

    @Size(max = 500, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String comment;

    private boolean alertsConsent;

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isAlertsConsent() {
        return alertsConsent;
    }

    public void setAlertsConsent(boolean alertsConsent) {
        this.alertsConsent = alertsConsent;
    }
}
