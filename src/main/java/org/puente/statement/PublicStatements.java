package org.puente.statement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.puente.organization.Organization;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.CurrentLanguage;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;

/**
 * Backs the public statement pages ({@code #{publicStatements}}): the list with its filters, one statement
 * with its signatories, the home page's newest and an organization's "Statements we signed" (the organization
 * page asks here, so the organization feature never reads statements). Read-only and sessionless; no signer's
 * contact address is ever read here.
 */
@Named
@RequestScoped
public class PublicStatements {

    /** How many statements the home page shows. */
    static final int HOME_PAGE_STATEMENTS = 3;

    @Inject
    StatementReadCache statements;

    @Inject
    HttpServletRequest request;

    @Inject
    CurrentLanguage language;

    @Inject
    PuenteConfig config;

    @Inject
    Clock clock;

    private List<Statement> listed;
    private Statement current;

    /** Listed statements, newest first, narrowed by the list's filters ({@code tag}, {@code country}). */
    public List<Statement> getListed() {
        if (listed == null) {
            String tag = request.getParameter("tag");
            String country = request.getParameter("country");
            listed = statements.listed().stream()
                    .filter(s -> blank(tag) || s.getTags().stream().anyMatch(t -> t.equalsIgnoreCase(tag.strip())))
                    .filter(s -> blank(country)
                            || s.getCountries().stream().anyMatch(c -> c.equalsIgnoreCase(country.strip())))
                    .toList();
        }
        return listed;
    }

    /** Whether the list is narrowed by a filter. */
    public boolean isFiltered() {
        return !blank(request.getParameter("tag")) || !blank(request.getParameter("country"));
    }

    /** The tags of listed statements, A to Z, for the filter. */
    public List<String> getTags() {
        return statements.listed().stream()
                .flatMap(s -> s.getTags().stream())
                .distinct()
                .sorted(collator())
                .toList();
    }

    /** The countries listed statements concern, by name in the reader's language, for the filter. */
    public List<String> getCountries() {
        Language reader = language.get();
        Collator collator = collator();
        return statements.listed().stream()
                .flatMap(s -> s.getCountries().stream())
                .distinct()
                .sorted(Comparator.comparing((String c) -> Countries.name(c, reader), collator))
                .toList();
    }

    /** The newest few, for the home page. */
    public List<Statement> getNewest() {
        List<Statement> all = statements.listed();
        return all.subList(0, Math.min(HOME_PAGE_STATEMENTS, all.size()));
    }

    /** The listed statements an organization signed, for its public page. */
    public List<Statement> signedBy(long organizationId) {
        return statements.signedBy(organizationId);
    }

    /** The statement the address names. */
    public Statement getCurrent() {
        if (current == null) {
            Object slug = request.getAttribute(StatementUrlFilter.SLUG_ATTRIBUTE);
            current = statements
                    .visible(slug == null ? null : slug.toString())
                    .orElseThrow(() -> new NotFoundException("statement " + slug));
        }
        return current;
    }

    public SignatoryList signatories(Statement statement) {
        return statements.signatories(statement);
    }

    /** "12 organizations in 3 countries": those endorsing the current text. */
    public String countLine(SignatoryList signed) {
        return signed.getCountryCount() == 0
                ? Pages.text("statement.endorsements", signed.getCount())
                : Pages.text("statement.signatories.count", signed.getCount(), signed.getCountryCount());
    }

    /** "Signed by 12 organizations in 3 countries": the widget's count of those endorsing the current text. */
    public String signedByLine(SignatoryList signed) {
        return signed.getCount() == 0
                ? Pages.text("statement.endorsements", 0)
                : Pages.text("statement.embed.signedBy", signed.getCount(), signed.getCountryCount());
    }

    /** How many organizations endorse its current text, for a card. */
    public long endorsements(Statement statement) {
        return statements.endorsements(statement);
    }

    public boolean takesSignatures(Statement statement) {
        return statement.takesSignatures(clock.instant());
    }

    /**
     * Where it stands, in a few words: open for sign-on (until the deadline, in its own zone), sign-on closed,
     * or released on its date.
     */
    public String status(Statement statement) {
        if (statement.isReleased() || statement.getState() == StatementState.ARCHIVED) {
            return Pages.text("statement.status.released", releaseDate(statement));
        }
        if (takesSignatures(statement)) {
            return statement.getDeadline() == null
                    ? Pages.text("statement.status.open")
                    : Pages.text("statement.status.openUntil", deadline(statement));
        }
        return Pages.text("statement.status.closed");
    }

    /** The day it is released: the date its leads set, else the day staff released it. */
    public String releaseDate(Statement statement) {
        if (statement.getReleaseDate() != null) {
            return language.date(statement.getReleaseDate());
        }
        Instant released = statement.getReleasedAt();
        return released == null ? "" : language.date(released);
    }

    /** The sign-on deadline in the statement's own zone, with its abbreviation ("March 14, 2026, 11:59 PM CST"). */
    public String deadline(Statement statement) {
        if (statement.getDeadline() == null) {
            return "";
        }
        Locale locale = language.getLocale();
        ZonedDateTime at = statement.getDeadline().atZone(zone(statement.getDeadlineZone()));
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(at)
                + ", "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(at)
                + " "
                + DateTimeFormatter.ofPattern("zzz", locale).format(at);
    }

    /** Whether to show a signatory's logo: a member organization of the coalition that has one. */
    public boolean hasLogo(Signatory signatory) {
        Organization organization = signatory.getOrganization();
        return organization != null && organization.isActive() && statements.hasLogo(organization.getId());
    }

    /** A signatory's city and country, in the reader's language. */
    public String place(Signatory signatory) {
        String country = signatory.getCountry() == null ? null : Countries.name(signatory.getCountry(), language.get());
        return String.join(
                ", ",
                Stream.of(signatory.getCity(), country)
                        .filter(Objects::nonNull)
                        .filter(s -> !s.isBlank())
                        .toList());
    }

    public String shareUrl(Statement statement) {
        return config.baseUrl() + "/statements/" + statement.getSlug();
    }

    /** Where the widget's button leads: the statement page's sign-on, in the reader's language. */
    public String signOnUrl(Statement statement) {
        return shareUrl(statement) + "?lang=" + language.getCode() + "#sign-on";
    }

    /** The HTML a member organization pastes into its own site to show the statement's widget. */
    public String embedCode(Statement statement) {
        return "<iframe src=\"" + config.baseUrl() + "/embed/statements/" + statement.getSlug() + "\" title=\""
                + statement.getTitle().in(Language.EN).replace("\"", "&quot;")
                + "\" width=\"100%\" height=\"360\" style=\"border:0\" loading=\"lazy\"></iframe>";
    }

    public String encoded(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private Collator collator() {
        Collator collator = Collator.getInstance(language.getLocale());
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
