package org.puente.statement;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.platform.i18n.LanguageFilter;

/**
 * {@code /statements/{slug}.pdf?lang=en|es|both}: a public statement with its signatories, print-ready, in the
 * reader's language unless {@code lang} asks for another or for both ({@link StatementPdfs} keeps what it made).
 * Any other address ending in {@code .pdf}, and a statement that is not public, is a 404. The PDF is the same for
 * every reader of a language, so shared caches may keep it a minute and revalidate it by its entity tag.
 */
@WebServlet("*.pdf")
public class StatementPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Pattern ADDRESS = Pattern.compile("/statements/([a-z0-9-]{1,80})\\.pdf");

    @Inject
    transient StatementService statements;

    @Inject
    transient StatementPdfs pdfs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher address = ADDRESS.matcher(request.getServletPath());
        Optional<Statement> statement = address.matches() ? statements.findPublic(address.group(1)) : Optional.empty();
        if (statement.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StatementEdition edition = StatementEdition.of(request.getParameter("lang"), LanguageFilter.of(request));
        StatementPdfs.Key key = pdfs.key(statement.get(), edition);
        String tag = key.tag();
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", "public, max-age=60");
        String known = request.getHeader("If-None-Match");
        if (known != null && (known.equals("*") || known.contains(tag))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] pdf = pdfs.pdf(statement.get(), key);
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition",
                "inline; filename=\"" + statement.get().getSlug() + "-" + edition.code() + ".pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
