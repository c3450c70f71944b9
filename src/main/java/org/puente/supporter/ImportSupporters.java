package org.puente.supporter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import org.puente.account.Caller;
import org.puente.platform.security.Role;
import org.puente.platform.web.Pages;

/**
 * The import page ({@code /admin/supporters-import}): staff upload a CSV and, after the redirect, read what
 * became of every row.
 */
@Named
@RequestScoped
public class ImportSupporters {

    static final String REPORT = "supporterImportReport";

    @Inject
    SupporterImport imports;

    @Inject
    Caller caller;

    private Part file;

    /** The page itself is for staff only, like everything it leads to. */
    public void open() {
        caller.require(Role.ADMIN, Role.STAFF);
    }

    public String upload() {
        if (file == null || file.getSize() == 0) {
            Pages.error("import:file", "supporters.import.noFile");
            return null;
        }
        if (file.getSize() > SupporterImport.MAX_BYTES) {
            Pages.error("import:file", "supporters.import.tooLarge");
            return null;
        }
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = imports.importFile(file.getSubmittedFileName(), in.readAllBytes());
        } catch (ImportRefusedException e) {
            Pages.error("import:file", e.key(), e.arguments());
            return null;
        } catch (IOException e) {
            Pages.error("import:file", "supporters.import.notCsv");
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put(REPORT, report);
        return Pages.redirect("/admin/supporters-import");
    }

    public ImportReport getReport() {
        return (ImportReport) FacesContext.getCurrentInstance()
                .getExternalContext()
                .getFlash()
                .get(REPORT);
    }

    /** A row's reason in the reader's language. */
    public String reason(ImportReport.Row row) {
        if (row.reason() == null) {
            return "";
        }
        return Pages.text(row.reason(), row.argument());
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
