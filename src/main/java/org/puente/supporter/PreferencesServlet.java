package org.puente.supporter;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.puente.platform.i18n.Language;

/**
 * {@code /preferences?s=&t=}, the preferences link in every alert: a supporter changes the language of
 * their alerts, stops them, asks for a new link (which revokes the old ones), or asks to have their data
 * erased, without an account and without a session. The signed link is the only key; one that does not
 * verify (made up, revoked, an unsubscribe link, or its supporter gone) is answered 404 with a page that
 * says so in the reader's language.
 *
 * <p>Erasing needs more than this link, which travels in every forwarded alert: it mails a fresh link
 * to the supporter's own address ({@code /preferences/erase?s=&e=&t=}, a day long); a GET of that shows a
 * button (mail scanners follow links), and only its POST erases.
 *
 * <p>Every other change is a POST of a plain form followed by a redirect (so reloading changes nothing
 * twice); answers after which the link no longer works are the page itself.
 */
@WebServlet({"/preferences", "/preferences/erase"})
public class PreferencesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String VIEW = "/preferences-page.xhtml";
    private static final String ERASE = "/preferences/erase";
    /** Personal data: never kept by a browser or a proxy. */
    private static final String PERSONAL = "private, no-store";

    private static final int TOO_MANY_REQUESTS = 429;

    /** What the page shows: never the whole address, in case the link was forwarded. */
    public record Preferences(String maskedEmail, Language language, boolean subscribed) {}

    @Inject
    Clock clock;

    @Inject
    private transient SupporterLinks links;

    @Inject
    private transient SupporterService supporters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", PERSONAL);
        if (ERASE.equals(request.getServletPath())) {
            if (erasable(request).isEmpty()) {
                gone(request, response);
                return;
            }
            answer(request, response, "puente.eraseConfirm");
            return;
        }
        Optional<Supporter> supporter = verified(request);
        if (supporter.isEmpty()) {
            gone(request, response);
            return;
        }
        show(request, response, supporter.get());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", PERSONAL);
        if (ERASE.equals(request.getServletPath())) {
            Optional<Supporter> erasable = erasable(request);
            if (erasable.isEmpty()) {
                gone(request, response);
                return;
            }
            supporters.forget(erasable.get().getId());
            answer(request, response, "puente.erased");
            return;
        }
        Optional<Supporter> found = verified(request);
        if (found.isEmpty()) {
            gone(request, response);
            return;
        }
        long id = found.get().getId();
        String action = String.valueOf(request.getParameter("action"));
        switch (action) {
            case "language" -> {
                Optional<Language> language = Language.parse(request.getParameter("language"));
                if (language.isEmpty()) {
                    refuse(request, response, found.get(), "preferences.language.invalid");
                    return;
                }
                supporters.changeLanguage(id, language.get(), "preferences link");
                redirect(request, response, language.get(), "language");
            }
            case "unsubscribe" -> {
                supporters.unsubscribe(id, "preferences link");
                redirect(request, response, found.get().getLanguage(), "unsubscribed");
            }
            case "erase" -> {
                if (!"yes".equals(request.getParameter("confirm"))) {
                    refuse(request, response, found.get(), "preferences.erase.unconfirmed");
                    return;
                }
                if (!supporters.requestErasure(id)) {
                    tooMany(request, response, found.get());
                    return;
                }
                redirect(request, response, found.get().getLanguage(), "eraseSent");
            }
            case "newLink" -> {
                if (!supporters.sendNewLink(id)) {
                    tooMany(request, response, found.get());
                    return;
                }
                answer(request, response, "puente.linkSent");
            }
            default -> refuse(request, response, found.get(), "preferences.action.invalid");
        }
    }

    private Optional<Supporter> verified(HttpServletRequest request) {
        String id = request.getParameter("s");
        if (!SupporterLinks.isId(id)) {
            return Optional.empty();
        }
        return supporters.find(Long.parseLong(id)).filter(s -> links.isValidPreferences(s, request.getParameter("t")));
    }

    private Optional<Supporter> erasable(HttpServletRequest request) {
        String id = request.getParameter("s");
        if (!SupporterLinks.isId(id)) {
            return Optional.empty();
        }
        return supporters
                .find(Long.parseLong(id))
                .filter(s ->
                        links.isValidErasure(s, request.getParameter("e"), request.getParameter("t"), clock.instant()));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Supporter supporter)
            throws IOException, ServletException {
        request.setAttribute(
                "puente.preferences",
                new Preferences(
                        mask(supporter.getEmail()),
                        supporter.getLanguage(),
                        supporter.getStatus() == SupporterStatus.SUBSCRIBED));
        request.getRequestDispatcher(VIEW).forward(request, response);
    }

    /** The page with one notice and no preferences: the link was used up, or is about to be replaced. */
    private static void answer(HttpServletRequest request, HttpServletResponse response, String notice)
            throws IOException, ServletException {
        request.setAttribute(notice, Boolean.TRUE);
        request.getRequestDispatcher(VIEW).forward(request, response);
    }

    /** A link that does not (or no longer) work: said so in the reader's language, nothing about whose it was. */
    private static void gone(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        answer(request, response, "puente.linkGone");
    }

    /** Over the hourly number of mails this page may send the supporter: 429, and the page says why. */
    private void tooMany(HttpServletRequest request, HttpServletResponse response, Supporter supporter)
            throws IOException, ServletException {
        response.setHeader("Retry-After", "3600");
        refuse(request, response, supporter, "preferences.mail.tooMany", TOO_MANY_REQUESTS);
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, Supporter supporter, String messageKey)
            throws IOException, ServletException {
        refuse(request, response, supporter, messageKey, HttpServletResponse.SC_BAD_REQUEST);
    }

    private void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            Supporter supporter,
            String messageKey,
            int status)
            throws IOException, ServletException {
        response.setStatus(status);
        request.setAttribute("puente.problem", messageKey);
        show(request, response, supporter);
    }

    private static void redirect(
            HttpServletRequest request, HttpServletResponse response, Language language, String done)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(
                "Location",
                request.getContextPath() + "/preferences?s=" + request.getParameter("s") + "&t="
                        + request.getParameter("t") + "&lang=" + language.code() + "&done=" + done);
    }

    /** {@code m•••@example.org}: enough for the owner to recognise, little for anyone else. */
    static String mask(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.charAt(0) + "•••" + email.substring(at);
    }
}
