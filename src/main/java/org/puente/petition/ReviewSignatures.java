package org.puente.petition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;

/**
 * Staff's page on a petition's held signatures and sources ({@code /admin/petition-review?id=}); the
 * sponsoring organization's editors read its held counts there, without the actions or the sources.
 */
@Named
@ViewScoped
public class ReviewSignatures implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SignatureReview review;

    private Long id;
    private transient Petition petition;
    private transient Map<HoldReason, Long> held;
    private transient List<SignatureSources.Hour> hourly;
    private transient List<SignerComment> comments;

    public void load() {
        if (id == null) {
            throw new NotFoundException("no petition id");
        }
        petition = review.petitionForReading(id);
    }

    /** Release, discard and the sources are for coalition staff; editors read the counts. */
    public boolean isMayDecide() {
        return review.mayDecide();
    }

    public String release(HoldReason reason) {
        return done("admin.review.released", review.release(id, reason));
    }

    public String discard(HoldReason reason) {
        return done("admin.review.discarded", review.discard(id, reason));
    }

    private String done(String key, int count) {
        Pages.flash(FacesMessage.SEVERITY_INFO, key, count);
        return Pages.redirect("/admin/petition-review?id=" + id);
    }

    public String hideComment(long signatureId) {
        return moderated(signatureId, true, "admin.comments.hidden");
    }

    public String showComment(long signatureId) {
        return moderated(signatureId, false, "admin.comments.shown");
    }

    private String moderated(long signatureId, boolean hidden, String key) {
        if (!review.hideComment(id, signatureId, hidden)) {
            throw new NotFoundException("signature " + signatureId + " of petition " + id);
        }
        Pages.flash(FacesMessage.SEVERITY_INFO, key);
        return Pages.redirect("/admin/petition-review?id=" + id);
    }

    public List<SignerComment> getComments() {
        if (comments == null) {
            comments = review.comments(id);
        }
        return comments;
    }

    public Petition getPetition() {
        if (petition == null) {
            load();
        }
        return petition;
    }

    public Map<HoldReason, Long> getHeld() {
        if (held == null) {
            held = review.held(id);
        }
        return held;
    }

    public HoldReason[] getReasons() {
        return HoldReason.values();
    }

    public List<SignatureSources.Hour> getHourly() {
        if (!isMayDecide()) {
            return List.of();
        }
        if (hourly == null) {
            hourly = review.hourly(id);
        }
        return hourly;
    }

    public int getHours() {
        return SignatureSources.HOURS;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
