package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.platform.web.Pages;
import org.puente.platform.web.PlainText;

/** The admin list of petitions ({@code #{managePetitions}}): submit, approve, send back with a reason, close. */
@Named
@RequestScoped
public class ManagePetitions {

    @Inject
    PetitionService petitions;

    @Inject
    SignatureCounts counts;

    private final Map<Long, String> reasons = new HashMap<>();
    private List<Petition> list;

    public List<Petition> getList() {
        if (list == null) {
            list = petitions.listForCaller();
        }
        return list;
    }

    public long count(Petition petition) {
        return counts.confirmed(petition.getId());
    }

    public String submit(long id) {
        petitions.submit(id);
        return done("admin.petitions.submitted");
    }

    public String approve(long id) {
        petitions.approve(id);
        return done("admin.petitions.approved");
    }

    public String close(long id) {
        petitions.close(id);
        return done("admin.petitions.closed");
    }

    public String archive(long id) {
        petitions.archive(id);
        return done("admin.petitions.archived");
    }

    public String pause(long id) {
        petitions.pauseSigning(id, true);
        return done("admin.petitions.paused");
    }

    public String resume(long id) {
        petitions.pauseSigning(id, false);
        return done("admin.petitions.resumed");
    }

    public String pauseAll() {
        petitions.pauseAllSigning(true);
        return done("admin.petitions.allPaused");
    }

    public String resumeAll() {
        petitions.pauseAllSigning(false);
        return done("admin.petitions.allResumed");
    }

    public boolean isAllPaused() {
        return petitions.isAllSigningPaused();
    }

    public String reject(long id) {
        String reason = reasons.get(id);
        if (reason == null
                || reason.isBlank()
                || reason.length() > 1000
                || !PlainText.Validator.isPlain(reason, true)) {
            Pages.error(null, "admin.petitions.reasonRequired");
            return null;
        }
        petitions.reject(id, reason);
        return done("admin.petitions.rejected");
    }

    private String done(String key) {
        Pages.flash(FacesMessage.SEVERITY_INFO, key);
        return Pages.redirect("/admin/petitions");
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
