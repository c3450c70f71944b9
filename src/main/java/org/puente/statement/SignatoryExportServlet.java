package org.puente.statement;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;
import org.puente.platform.web.Csv;

/**
 * {@code /admin/statement-signatories.csv?id=}: every signature of a statement for staff and its leads,
 * headers in the reader's language, times in UTC, formula-safe cells; never a signer's e-mail.
 */
@WebServlet("/admin/statement-signatories.csv")
public class SignatoryExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    private transient StatementService statements;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long statementId = Long.parseLong(id);
        // access denied and not found are answered by ErrorStatusFilter
        List<Signatory> signatures = statements.allSignatures(statementId);
        Language language = LanguageFilter.of(request);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"statement-" + statementId + "-signatories.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(Csv.row(List.of(
                    Messages.get(language, "admin.statementRecord.csvHeader").split(","))));
            for (Signatory s : signatures) {
                out.write(Csv.row(java.util.Arrays.asList(
                        s.getOrganizationName(),
                        s.getKind().name(),
                        s.getSignerName(),
                        s.getSignerTitle(),
                        s.getCity(),
                        s.getRegion(),
                        s.getCountry(),
                        String.valueOf(s.getTextVersion()),
                        s.getSignedAt() == null ? "" : TIME.format(s.getSignedAt()),
                        Messages.get(
                                language,
                                "admin.statementRecord.state." + s.getState().name()))));
            }
        }
    }
}
