package org.puente.platform.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import org.puente.platform.time.StaffTimeZone;
import org.puente.platform.web.RequestPath;

/** The request's language for views ({@code #{language}}): locale, switcher link, date formatting. */
@Named("language")
@RequestScoped
public class CurrentLanguage {

    @Inject
    HttpServletRequest request;

    @Inject
    StaffTimeZone timeZone;

    public Language get() {
        return LanguageFilter.of(request);
    }

    public Locale getLocale() {
        return get().locale();
    }

    public String getCode() {
        return get().code();
    }

    public Language getOther() {
        return get().other();
    }

    /** The address of the page being shown, in the other language. */
    public String getSwitchUrl() {
        return urlIn(get().other());
    }

    /**
     * The page the visitor asked for (not the view it was forwarded to), in the given language. Only a path
     * that passed {@link RequestPath}'s rule is linked back to; anything else links to the home page, so
     * the link can never leave the site.
     */
    public String urlIn(Language target) {
        String url = urlWithoutLanguage();
        return url
                + (url.indexOf('?') < 0 ? '?' : '&')
                + LanguageResolver.PARAMETER
                + '='
                + URLEncoder.encode(target.code(), StandardCharsets.UTF_8);
    }

    /** The page the visitor asked for with no language in its address: the language follows the browser. */
    public String urlWithoutLanguage() {
        Optional<String> accepted = RequestPath.acceptedUri(request);
        String uri = accepted.orElse(request.getContextPath() + "/");
        String query = accepted.isPresent() ? RequestPath.acceptedQuery(request).orElse(null) : null;
        StringBuilder url = new StringBuilder(uri);
        char separator = '?';
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()
                        && !pair.startsWith(LanguageResolver.PARAMETER + "=")
                        && !pair.startsWith("jakarta.faces")) {
                    url.append(separator).append(pair);
                    separator = '&';
                }
            }
        }
        return url.toString();
    }

    public String text(LocalizedText text) {
        return text == null ? "" : text.in(get());
    }

    /** The {@code lang} of what {@link #text} shows, so fallback passages are marked truthfully. */
    public String langOf(LocalizedText text) {
        return text == null ? getCode() : text.languageShownFor(get()).code();
    }

    public String date(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(getLocale())
                .withZone(timeZone.zone())
                .format(value);
    }

    /** A date with its time of day, in the coalition's time zone. */
    public String dateTime(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(timeZone.zone())
                .format(value);
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(getLocale()).format(value);
    }
}
