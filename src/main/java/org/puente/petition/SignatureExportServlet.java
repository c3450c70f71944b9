package org.puente.petition;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;
import org.puente.platform.time.StaffTimeZone;
import org.puente.platform.web.Csv;

/**
 * {@code /admin/petition-signatures.csv?id=}: the confirmed signatures, for delivering the petition, in the
 * order they were given. Streamed a batch at a time, as the supporter export is, so 100,000 signers never sit
 * in memory. Headers in the reader's language, times in the coalition's
 * time zone (named in the header); e-mail addresses only for coalition staff; formula-safe cells.
 */
@WebServlet("/admin/petition-signatures.csv")
public class SignatureExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Times as spreadsheets read them; the zone is named once, in the column's header. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    private transient PetitionService petitions;

    @Inject
    private transient StaffTimeZone timeZone;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // access denied and not found are answered by ErrorStatusFilter
        long petitionId = Long.parseLong(id);
        List<Signature> batch = petitions.confirmedSignatures(petitionId, 0);
        boolean emails = petitions.callerSeesEmails();
        Language language = LanguageFilter.of(request);
        ZoneId zone = timeZone.zone();
        String yes = Messages.get(language, "csv.yes");
        String no = Messages.get(language, "csv.no");
        Map<Language, String> languageNames = new EnumMap<>(Language.class);
        for (Language each : Language.values()) {
            String key = "language." + each.code();
            languageNames.put(each, Messages.get(language, key));
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"petition-" + petitionId + "-signatures.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>(List.of(
                    Messages.get(language, "signature.firstName"),
                    Messages.get(language, "signature.lastName"),
                    Messages.get(language, "csv.postalCode"),
                    Messages.get(language, "field.country"),
                    Messages.get(language, "csv.comment"),
                    Messages.get(language, "csv.confirmedIn", zone.getId()),
                    Messages.get(language, "csv.language"),
                    Messages.get(language, "csv.alertsConsent")));
            if (emails) {
                header.add(Messages.get(language, "field.email"));
            }
            out.write(Csv.row(header));
            while (!batch.isEmpty()) {
                for (Signature signature : batch) {
                    List<String> row = new ArrayList<>(List.of(
                            signature.getFirstName(),
                            signature.getLastName(),
                            nullToEmpty(signature.getPostalCode()),
                            signature.getCountry(),
                            nullToEmpty(signature.getComment()),
                            signature.getConfirmedAt() == null
                                    ? ""
                                    : TIME.format(signature.getConfirmedAt().atZone(zone)),
                            languageNames.get(signature.getLanguage()),
                            signature.isAlertsConsent() ? yes : no));
                    if (emails) {
                        row.add(signature.getEmail());
                    }
                    out.write(Csv.row(row));
                }
                out.flush();
                batch = batch.size() < PetitionService.DELIVERY_BATCH
                        ? List.of()
                        : petitions.confirmedSignatures(
                                petitionId, batch.get(batch.size() - 1).getId());
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
