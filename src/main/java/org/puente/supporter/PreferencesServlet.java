package org.puente.supporter;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.puente.platform.i18n.Language;

/**
 * {@code /preferences?s=&t=}, the preferences link in every alert: a supporter changes the language of
 * their alerts, stops them, or has their data erased, without an account and without a session. The
 * signed link is the only key; one that does not verify, or whose supporter is gone, answers 404.
 *
 * <p>Every change is a POST of a plain form followed by a redirect (so reloading changes nothing twice),
 * except erasing, whose answer is the page itself: afterwards there is nothing left to show.
 */
@WebServlet("/preferences")
public class PreferencesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String VIEW = "/preferences-page.xhtml";

    /** What the page shows: never the whole address, in case the link was forwarded. */
    public record Preferences(String maskedEmail, Language language, boolean subscribed) {
    }

    @Inject
    private transient SupporterLinks links;

    @Inject
    private transient SupporterService supporters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<Supporter> supporter = verified(request);
        if (supporter.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        show(request, response, supporter.get());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<Supporter> found = verified(request);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
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
                supporters.forget(id);
                response.setHeader("Cache-Control", "private, no-store");
                request.setAttribute("puente.erased", Boolean.TRUE);
                request.getRequestDispatcher(VIEW).forward(request, response);
            }
            default -> refuse(request, response, found.get(), "preferences.action.invalid");
        }
    }

    private Optional<Supporter> verified(HttpServletRequest request) {
        String id = request.getParameter("s");
        if (!links.isValid(id, request.getParameter("t"))) {
            return Optional.empty();
        }
        return supporters.find(Long.parseLong(id));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Supporter supporter)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "private, no-store");
        request.setAttribute("puente.preferences", new Preferences(mask(supporter.getEmail()), supporter.getLanguage(),
                supporter.getStatus() == SupporterStatus.SUBSCRIBED));
        request.getRequestDispatcher(VIEW).forward(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Supporter supporter, String messageKey)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        request.setAttribute("puente.problem", messageKey);
        show(request, response, supporter);
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, Language language, String done)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/preferences?s=" + request.getParameter("s")
                + "&t=" + request.getParameter("t") + "&lang=" + language.code() + "&done=" + done);
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
