package org.puente.petition;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.PlainText;

/** What authors write for a petition, both languages side by side; validated before it reaches the entity. */
public class PetitionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "{petition.organization.required}")
    private Long organizationId;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String titleEn;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String titleEs;

    @Size(max = 500, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEn;

    @Size(max = 500, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEs;

    @Size(max = 20000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String textEn;

    @Size(max = 20000, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String textEs;

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String targetEn;

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String targetEs;

    @NotNull(message = "{petition.goal.invalid}")
    @Min(value = 1, message = "{petition.goal.invalid}")
    @Max(value = 10_000_000, message = "{petition.goal.invalid}")
    private Integer goal = 1000;

    @Future(message = "{petition.endDate.past}")
    private LocalDate endDate;

    /** The petition's address, {@code /petitions/{slug}}; made from the English title when left empty. */
    @Size(max = 80, message = "{field.tooLong}")
    @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{petition.slug.invalid}")
    private String slug;

    private List<Long> cosponsorIds = new ArrayList<>();

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String imageAltEn;

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String imageAltEs;

    public static PetitionForm of(Petition petition) {
        PetitionForm form = new PetitionForm();
        form.organizationId = petition.getOrganization().getId();
        form.titleEn = petition.getTitle().en();
        form.titleEs = petition.getTitle().es();
        form.summaryEn = petition.getSummary().en();
        form.summaryEs = petition.getSummary().es();
        form.textEn = petition.getText().en();
        form.textEs = petition.getText().es();
        form.targetEn = petition.getTarget().en();
        form.targetEs = petition.getTarget().es();
        form.goal = petition.getGoal();
        form.endDate = petition.getEndDate();
        form.slug = petition.getSlug();
        form.cosponsorIds = new ArrayList<>(
                petition.getCosponsors().stream().map(o -> o.getId()).toList());
        form.imageAltEn = petition.getImageAlt().en();
        form.imageAltEs = petition.getImageAlt().es();
        return form;
    }

    public LocalizedText title() {
        return new LocalizedText(titleEn, titleEs);
    }

    public LocalizedText summary() {
        return new LocalizedText(summaryEn, summaryEs);
    }

    /** To whom the petition is addressed; at least one language is needed ({@link EditPetition} checks). */
    public LocalizedText target() {
        return new LocalizedText(targetEn, targetEs);
    }

    public LocalizedText imageAlt() {
        return new LocalizedText(imageAltEn, imageAltEs);
    }

    /** The slug the author asked for, trimmed; empty when the portal should make one. */
    public String requestedSlug() {
        return slug == null ? "" : slug.strip();
    }

    public LocalizedText text() {
        return new LocalizedText(textEn, textEs);
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getTitleEs() {
        return titleEs;
    }

    public void setTitleEs(String titleEs) {
        this.titleEs = titleEs;
    }

    public String getSummaryEn() {
        return summaryEn;
    }

    public void setSummaryEn(String summaryEn) {
        this.summaryEn = summaryEn;
    }

    public String getSummaryEs() {
        return summaryEs;
    }

    public void setSummaryEs(String summaryEs) {
        this.summaryEs = summaryEs;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }

    public String getTextEs() {
        return textEs;
    }

    public void setTextEs(String textEs) {
        this.textEs = textEs;
    }

    public String getTargetEn() {
        return targetEn;
    }

    public void setTargetEn(String targetEn) {
        this.targetEn = targetEn;
    }

    public String getTargetEs() {
        return targetEs;
    }

    public void setTargetEs(String targetEs) {
        this.targetEs = targetEs;
    }

    public Integer getGoal() {
        return goal;
    }

    public void setGoal(Integer goal) {
        this.goal = goal;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public List<Long> getCosponsorIds() {
        return cosponsorIds;
    }

    public void setCosponsorIds(List<Long> cosponsorIds) {
        this.cosponsorIds = cosponsorIds == null ? new ArrayList<>() : new ArrayList<>(cosponsorIds);
    }

    public String getImageAltEn() {
        return imageAltEn;
    }

    public void setImageAltEn(String imageAltEn) {
        this.imageAltEn = imageAltEn;
    }

    public String getImageAltEs() {
        return imageAltEs;
    }

    public void setImageAltEs(String imageAltEs) {
        this.imageAltEs = imageAltEs;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }
}
