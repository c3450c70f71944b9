package org.puente.statement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.FieldRefusedException;
import org.puente.platform.web.PlainText;

/**
 * What a lead writes for a statement, both languages side by side, demands as rows the page can add, move
 * and remove, and the sign-on deadline as the wall clock of a chosen zone; {@link #text()} turns it into
 * the value the entity checks whole.
 */
public class StatementForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One demand as the form holds it. */
    public static class DemandRow implements Serializable {

        private static final long serialVersionUID = 1L;

        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        private String textEn;

        @Size(max = 4000, message = "{field.tooLong}")
        @PlainText(multiline = true)
        private String textEs;

        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        private String addresseeEn;

        @Size(max = 200, message = "{field.tooLong}")
        @PlainText
        private String addresseeEs;

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

        public String getAddresseeEn() {
            return addresseeEn;
        }

        public void setAddresseeEn(String addresseeEn) {
            this.addresseeEn = addresseeEn;
        }

        public String getAddresseeEs() {
            return addresseeEs;
        }

        public void setAddresseeEs(String addresseeEs) {
            this.addresseeEs = addresseeEs;
        }

        Demand demand() {
            return new Demand(new LocalizedText(textEn, textEs), new LocalizedText(addresseeEn, addresseeEs));
        }

        static DemandRow of(Demand demand) {
            DemandRow row = new DemandRow();
            row.textEn = demand.getText().en();
            row.textEs = demand.getText().es();
            row.addresseeEn = demand.getAddressee().en();
            row.addresseeEs = demand.getAddressee().es();
            return row;
        }
    }

    /** Null: the coalition leads (staff only). */
    private Long organizationId;

    private List<Long> coleadIds = new ArrayList<>();

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String titleEn;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String titleEs;

    @Size(max = 600, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEn;

    @Size(max = 600, message = "{field.tooLong}")
    @PlainText(multiline = true)
    private String summaryEs;

    @Size(max = 100_000, message = "{field.tooLong}")
    private String preambleEn;

    @Size(max = 100_000, message = "{field.tooLong}")
    private String preambleEs;

    @Valid
    private List<DemandRow> demands = new ArrayList<>(List.of(new DemandRow()));

    @Size(max = 20_000, message = "{field.tooLong}")
    private String closingEn;

    @Size(max = 20_000, message = "{field.tooLong}")
    private String closingEs;

    @Size(max = 300, message = "{field.tooLong}")
    @PlainText
    private String tags;

    private List<String> countries = new ArrayList<>();

    @Size(max = 120, message = "{field.tooLong}")
    @PlainText
    private String mediaName;

    @Size(max = 200, message = "{field.tooLong}")
    @PlainText
    private String mediaOrganization;

    @Size(max = 254, message = "{field.tooLong}")
    @Email(message = "{email.invalid}")
    private String mediaEmail;

    @Size(max = 40, message = "{field.tooLong}")
    @PlainText
    private String mediaPhone;

    private LocalDate releaseDate;

    private boolean signOn = true;
    private boolean individuals;

    private LocalDate deadlineDate;

    private LocalTime deadlineTime;

    @Size(max = 64, message = "{event.zone.invalid}")
    private String deadlineZone;

    @Size(max = 80, message = "{field.tooLong}")
    @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{petition.slug.invalid}")
    private String slug;

    static StatementForm of(Statement statement) {
        StatementForm form = new StatementForm();
        form.organizationId = statement.getOrganization() == null
                ? null
                : statement.getOrganization().getId();
        form.coleadIds = new ArrayList<>(
                statement.getColeads().stream().map(o -> o.getId()).toList());
        form.titleEn = statement.getTitle().en();
        form.titleEs = statement.getTitle().es();
        form.summaryEn = statement.getSummary().en();
        form.summaryEs = statement.getSummary().es();
        form.preambleEn = statement.getPreamble().en();
        form.preambleEs = statement.getPreamble().es();
        form.demands = new ArrayList<>(
                statement.getDemands().stream().map(DemandRow::of).toList());
        form.closingEn = statement.getClosing().en();
        form.closingEs = statement.getClosing().es();
        form.tags = String.join(", ", statement.getTags());
        form.countries = new ArrayList<>(statement.getCountries());
        StatementText.MediaContact media = statement.getMedia();
        if (media != null) {
            form.mediaName = media.name();
            form.mediaOrganization = media.organization();
            form.mediaEmail = media.email();
            form.mediaPhone = media.phone();
        }
        form.releaseDate = statement.getReleaseDate();
        form.signOn = statement.isSignOn();
        form.individuals = statement.isIndividuals();
        if (statement.getDeadline() != null) {
            ZoneId zone = ZoneId.of(statement.getDeadlineZone());
            form.deadlineDate = statement.getDeadline().atZone(zone).toLocalDate();
            form.deadlineTime = statement.getDeadline().atZone(zone).toLocalTime();
            form.deadlineZone = zone.getId();
        }
        form.slug = statement.getSlug();
        return form;
    }

    /**
     * The text as the entity takes it.
     *
     * @throws FieldRefusedException when the title is missing in both languages or the deadline's zone is unknown
     */
    StatementText text() {
        LocalizedText title = new LocalizedText(titleEn, titleEs);
        if (title.isEmpty()) {
            throw new FieldRefusedException("titleEn", "statement.title.required");
        }
        return new StatementText(
                title,
                new LocalizedText(summaryEn, summaryEs),
                new LocalizedText(preambleEn, preambleEs),
                demands.stream().map(DemandRow::demand).toList(),
                new LocalizedText(closingEn, closingEs),
                tags == null
                        ? List.of()
                        : Arrays.stream(tags.split(","))
                                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                                .toList(),
                countries,
                new StatementText.MediaContact(mediaName, mediaOrganization, mediaEmail, mediaPhone),
                releaseDate,
                deadline(),
                deadlineZone,
                signOn,
                individuals);
    }

    private Instant deadline() {
        if (!signOn || deadlineDate == null) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(deadlineZone == null ? "" : deadlineZone.strip());
            return deadlineDate
                    .atTime(deadlineTime == null ? LocalTime.of(23, 59) : deadlineTime)
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new FieldRefusedException("deadlineZone", "event.zone.invalid");
        }
    }

    /** The address asked for, or one made from the English (else Spanish) title. */
    String slugOrFromTitle() {
        if (slug != null && !slug.isBlank()) {
            return slug.strip();
        }
        String base = org.puente.organization.Organization.slugOf(
                new LocalizedText(titleEn, titleEs).in(org.puente.platform.i18n.Language.EN));
        return base.length() > 70 ? base.substring(0, 70) : base;
    }

    void addDemand() {
        demands.add(new DemandRow());
    }

    void removeDemand(int index) {
        if (index >= 0 && index < demands.size()) {
            demands.remove(index);
        }
    }

    void moveDemand(int index, int by) {
        int to = index + by;
        if (index >= 0 && index < demands.size() && to >= 0 && to < demands.size()) {
            demands.add(to, demands.remove(index));
        }
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public List<Long> getColeadIds() {
        return coleadIds;
    }

    public void setColeadIds(List<Long> coleadIds) {
        this.coleadIds = coleadIds;
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

    public String getPreambleEn() {
        return preambleEn;
    }

    public void setPreambleEn(String preambleEn) {
        this.preambleEn = preambleEn;
    }

    public String getPreambleEs() {
        return preambleEs;
    }

    public void setPreambleEs(String preambleEs) {
        this.preambleEs = preambleEs;
    }

    public List<DemandRow> getDemands() {
        return demands;
    }

    public void setDemands(List<DemandRow> demands) {
        this.demands = demands;
    }

    public String getClosingEn() {
        return closingEn;
    }

    public void setClosingEn(String closingEn) {
        this.closingEn = closingEn;
    }

    public String getClosingEs() {
        return closingEs;
    }

    public void setClosingEs(String closingEs) {
        this.closingEs = closingEs;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public List<String> getCountries() {
        return countries;
    }

    public void setCountries(List<String> countries) {
        this.countries = countries;
    }

    public String getMediaName() {
        return mediaName;
    }

    public void setMediaName(String mediaName) {
        this.mediaName = mediaName;
    }

    public String getMediaOrganization() {
        return mediaOrganization;
    }

    public void setMediaOrganization(String mediaOrganization) {
        this.mediaOrganization = mediaOrganization;
    }

    public String getMediaEmail() {
        return mediaEmail;
    }

    public void setMediaEmail(String mediaEmail) {
        this.mediaEmail = mediaEmail;
    }

    public String getMediaPhone() {
        return mediaPhone;
    }

    public void setMediaPhone(String mediaPhone) {
        this.mediaPhone = mediaPhone;
    }

    public LocalDate getReleaseDate() {
        return releaseDate;
    }

    public void setReleaseDate(LocalDate releaseDate) {
        this.releaseDate = releaseDate;
    }

    public boolean isSignOn() {
        return signOn;
    }

    public void setSignOn(boolean signOn) {
        this.signOn = signOn;
    }

    public boolean isIndividuals() {
        return individuals;
    }

    public void setIndividuals(boolean individuals) {
        this.individuals = individuals;
    }

    public LocalDate getDeadlineDate() {
        return deadlineDate;
    }

    public void setDeadlineDate(LocalDate deadlineDate) {
        this.deadlineDate = deadlineDate;
    }

    public LocalTime getDeadlineTime() {
        return deadlineTime;
    }

    public void setDeadlineTime(LocalTime deadlineTime) {
        this.deadlineTime = deadlineTime;
    }

    public String getDeadlineZone() {
        return deadlineZone;
    }

    public void setDeadlineZone(String deadlineZone) {
        this.deadlineZone = deadlineZone;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
