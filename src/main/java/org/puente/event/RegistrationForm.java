package org.puente.event;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.PlainText;

/**
 * What a person gives to come to an event: the least the host needs. Never immigration status, never an
 * ID; a phone only where the host asks for one, guests only where the host allows them.
 */
public class RegistrationForm {

    private static final String NO_LINKS = "^(?i)(?!.*(://|www\\.|\\.(com|org|net|ru|xyz)\\b)).*$";

    @NotBlank(message = "{signature.firstName.required}")
    @Size(max = 100, message = "{field.tooLong}")
    @Pattern(regexp = NO_LINKS, message = "{signature.name.noLinks}")
    @PlainText
    private String firstName;

    @Size(max = 100, message = "{field.tooLong}")
    @Pattern(regexp = NO_LINKS, message = "{signature.name.noLinks}")
    @PlainText
    private String lastName;

    @NotBlank(message = "{email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "{email.invalid}")
    @PlainText
    private String email;

    @Size(max = 40, message = "{field.tooLong}")
    @Pattern(regexp = "^$|^[+]?[0-9 ().-]{7,40}$", message = "{registration.phone.invalid}")
    private String phone;

    @NotNull
    private Language language = Language.EN;

    @Min(value = 0, message = "{registration.guests.invalid}")
    @Max(value = CoalitionEvent.GUESTS_MAX, message = "{registration.guests.invalid}")
    private int guests;

    @Size(max = 500, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String needs;

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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public int getGuests() {
        return guests;
    }

    public void setGuests(int guests) {
        this.guests = guests;
    }

    public String getNeeds() {
        return needs;
    }

    public void setNeeds(String needs) {
        this.needs = needs;
    }

    public boolean isAlertsConsent() {
        return alertsConsent;
    }

    public void setAlertsConsent(boolean alertsConsent) {
        this.alertsConsent = alertsConsent;
    }
}
