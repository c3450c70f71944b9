package org.puente.platform.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** The request's language for views ({@code #{language}}): locale, switcher link, date formatting. */
@Named("language")
@RequestScoped
public class CurrentLanguage {

    @Inject
    HttpServletRequest request;

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

    public String urlIn(Language target) {
        String uri = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String query = (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
        if (uri == null) {
            uri = request.getRequestURI();
            query = request.getQueryString();
        }
        StringBuilder url = new StringBuilder(uri).append('?');
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith(LanguageResolver.PARAMETER + "=")
                        && !pair.startsWith("jakarta.faces")) {
                    url.append(pair).append('&');
                }
            }
        }
        return url.append(LanguageResolver.PARAMETER).append('=')
                .append(URLEncoder.encode(target.code(), StandardCharsets.UTF_8)).toString();
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
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                .withZone(ZoneId.systemDefault()).format(value);
    }

    /** A date with its time of day, in the portal's time zone. */
    public String dateTime(TemporalAccessor value) {
        if (value == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault()).format(value);
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(getLocale()).format(value);
    }
}
