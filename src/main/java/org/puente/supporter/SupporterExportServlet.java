package org.puente.supporter;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;
import org.puente.platform.web.Csv;

/**
 * {@code /admin/supporters.csv?q=&status=&language=}: the supporters matching the list's filter (or all), for
 * staff only. Streamed a batch at a time so a list of 100,000 never sits in memory; UTF-8 with a byte-order
 * mark for spreadsheets; formula-safe cells.
 */
@WebServlet("/admin/supporters.csv")
public class SupporterExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SupporterDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SupporterFilter filter = SupporterFilter.of(
                request.getParameter("q"), request.getParameter("status"), request.getParameter("language"));
        // access denied is answered by ErrorStatusFilter
        List<Supporter> batch = directory.exportBatch(filter, 0);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"supporters.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(Csv.row(Arrays.asList(Messages.get(LanguageFilter.of(request), "supporters.csv.header")
                    .split(","))));
            while (!batch.isEmpty()) {
                for (Supporter s : batch) {
                    out.write(Csv.row(Arrays.asList(
                            s.getEmail(),
                            s.getFirstName(),
                            s.getLastName(),
                            s.getPostalCode(),
                            s.getCountry(),
                            s.getLanguage().code(),
                            s.getStatus().name(),
                            String.valueOf(s.getConsentAt()),
                            s.getConsentSource())));
                }
                out.flush();
                batch = directory.exportBatch(
                        filter, batch.get(batch.size() - 1).getId());
            }
        }
    }
}
