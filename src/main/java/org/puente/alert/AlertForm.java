package org.puente.alert;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Locale;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.PlainText;

/** What staff write for an alert, both languages side by side, and who it goes to. */
public class AlertForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String WEB_LINK = "^$|^https?://[^\\s<>\"]+$";

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String subjectEn;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String subjectEs;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String preheaderEn;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String preheaderEs;

    @Size(max = 50000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String bodyEn;

    @Size(max = 50000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String bodyEs;

    @Size(max = 80, message = "{field.tooLong}")
    @PlainText
    private String actionLabelEn;

    @Size(max = 80, message = "{field.tooLong}")
    @PlainText
    private String actionLabelEs;

    @Size(max = 500, message = "{field.tooLong}")
    @Pattern(regexp = WEB_LINK, message = "{admin.alert.url.invalid}")
    private String actionUrlEn;

    @Size(max = 500, message = "{field.tooLong}")
    @Pattern(regexp = WEB_LINK, message = "{admin.alert.url.invalid}")
    private String actionUrlEs;

    @Size(max = 80, message = "{field.tooLong}")
    @PlainText
    private String nameFallbackEn;

    @Size(max = 80, message = "{field.tooLong}")
    @PlainText
    private String nameFallbackEs;

    private Long petitionId;
    private Language language;

    /** An ISO 3166 code, chosen from {@code #{countries.options}}. */
    @Pattern(regexp = "^$|^[A-Za-z]{2}$", message = "{organization.country.invalid}")
    private String country;

    @Size(max = 20, message = "{field.tooLong}")
    @Pattern(regexp = "^[\\p{L}\\p{N} -]*$", message = "{signature.postalCode.invalid}")
    private String postalPrefix;

    public static AlertForm of(Alert alert) {
        AlertForm form = new AlertForm();
        form.subjectEn = alert.getSubject().en();
        form.subjectEs = alert.getSubject().es();
        form.preheaderEn = alert.getPreheader().en();
        form.preheaderEs = alert.getPreheader().es();
        form.bodyEn = alert.getBody().en();
        form.bodyEs = alert.getBody().es();
        form.actionLabelEn = alert.getActionLabel().en();
        form.actionLabelEs = alert.getActionLabel().es();
        form.actionUrlEn = alert.getActionUrl().en();
        form.actionUrlEs = alert.getActionUrl().es();
        form.nameFallbackEn = alert.getNameFallback().en();
        form.nameFallbackEs = alert.getNameFallback().es();
        Audience audience = alert.getAudience();
        form.petitionId = audience.petitionId();
        form.language = audience.language();
        form.country = audience.country();
        form.postalPrefix = audience.postalPrefix();
        return form;
    }

    public Audience audience() {
        return new Audience(
                petitionId,
                language,
                blankToNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT),
                blankToNull(postalPrefix));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public LocalizedText subject() {
        return new LocalizedText(subjectEn, subjectEs);
    }

    public LocalizedText preheader() {
        return new LocalizedText(preheaderEn, preheaderEs);
    }

    public LocalizedText body() {
        return new LocalizedText(bodyEn, bodyEs);
    }

    public LocalizedText actionLabel() {
        return new LocalizedText(actionLabelEn, actionLabelEs);
    }

    public LocalizedText actionUrl() {
        return new LocalizedText(actionUrlEn, actionUrlEs);
    }

    public LocalizedText nameFallback() {
        return new LocalizedText(blankToNull(nameFallbackEn), blankToNull(nameFallbackEs));
    }

    /** The words in braces staff wrote that are not merge fields ({@code {apellido}}), in either language. */
    public java.util.Set<String> unknownTokens() {
        java.util.Set<String> unknown = new java.util.LinkedHashSet<>();
        for (String text : new String[] {subjectEn, subjectEs, preheaderEn, preheaderEs, bodyEn, bodyEs}) {
            unknown.addAll(MergeFields.unknown(text));
        }
        return unknown;
    }

    public String getNameFallbackEn() {
        return nameFallbackEn;
    }

    public void setNameFallbackEn(String nameFallbackEn) {
        this.nameFallbackEn = nameFallbackEn;
    }

    public String getNameFallbackEs() {
        return nameFallbackEs;
    }

    public void setNameFallbackEs(String nameFallbackEs) {
        this.nameFallbackEs = nameFallbackEs;
    }

    public String getSubjectEn() {
        return subjectEn;
    }

    public void setSubjectEn(String subjectEn) {
        this.subjectEn = subjectEn;
    }

    public String getSubjectEs() {
        return subjectEs;
    }

    public void setSubjectEs(String subjectEs) {
        this.subjectEs = subjectEs;
    }

    public String getPreheaderEn() {
        return preheaderEn;
    }

    public void setPreheaderEn(String preheaderEn) {
        this.preheaderEn = preheaderEn;
    }

    public String getPreheaderEs() {
        return preheaderEs;
    }

    public void setPreheaderEs(String preheaderEs) {
        this.preheaderEs = preheaderEs;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public String getBodyEs() {
        return bodyEs;
    }

    public void setBodyEs(String bodyEs) {
        this.bodyEs = bodyEs;
    }

    public String getActionLabelEn() {
        return actionLabelEn;
    }

    public void setActionLabelEn(String actionLabelEn) {
        this.actionLabelEn = actionLabelEn;
    }

    public String getActionLabelEs() {
        return actionLabelEs;
    }

    public void setActionLabelEs(String actionLabelEs) {
        this.actionLabelEs = actionLabelEs;
    }

    public String getActionUrlEn() {
        return actionUrlEn;
    }

    public void setActionUrlEn(String actionUrlEn) {
        this.actionUrlEn = actionUrlEn;
    }

    public String getActionUrlEs() {
        return actionUrlEs;
    }

    public void setActionUrlEs(String actionUrlEs) {
        this.actionUrlEs = actionUrlEs;
    }

    public Long getPetitionId() {
        return petitionId;
    }

    public void setPetitionId(Long petitionId) {
        this.petitionId = petitionId;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getPostalPrefix() {
        return postalPrefix;
    }

    public void setPostalPrefix(String postalPrefix) {
        this.postalPrefix = postalPrefix;
    }
}
