package org.puente.event;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.Part;
import jakarta.transaction.TransactionalException;
import java.io.Serializable;
import java.util.List;
import org.puente.organization.Organization;
import org.puente.platform.persistence.DatabaseErrors;
import org.puente.platform.time.CoalitionZones;
import org.puente.platform.time.StaffTimeZone;
import org.puente.platform.web.Images;
import org.puente.platform.web.Pages;

/**
 * Posting or changing an event ({@code /admin/event?id=}); the service checks on every post that the caller
 * hosts it. A published event's change of time or place reaches its attendees, with the host's note.
 */
@Named
@ViewScoped
public class EditEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EventService events;

    @Inject
    StaffTimeZone staffZone;

    private Long id;
    private EventForm form;
    private String rejectionReason;
    private boolean published;
    private String note;
    private boolean hasImage;
    private boolean removeImage;
    private transient Part image;
    /** The accepted picture, read while the form was validated; null for none. */
    private transient byte[] picture;

    public void load() {
        if (form != null) {
            return;
        }
        if (id == null) {
            form = new EventForm();
            form.setTimeZone(staffZone.zone().getId());
            form.setDisclosure(form.getType().defaultDisclosure());
            List<Organization> own = events.organizationsForCaller();
            if (!own.isEmpty()) {
                form.setOrganizationId(own.get(0).getId());
            }
            return;
        }
        CoalitionEvent event = events.findForHosting(id);
        if (event.isCancelled()) {
            Pages.redirectToPath("/admin/events");
            return;
        }
        form = EventForm.of(event);
        rejectionReason = event.getRejectionReason();
        published = event.isPublished();
        hasImage = event.isHasImage();
    }

    /** The picture, read and re-encoded once every field is valid (the form's {@code postValidate}). */
    public void readPicture(ComponentSystemEvent event) {
        UIInput file = (UIInput) event.getComponent().findComponent("image");
        Part upload = file.isValid() ? (Part) file.getValue() : null;
        picture = Images.readUpload(
                upload,
                EventImage.MAX_BYTES,
                file.getClientId(),
                "petition.image.tooLarge",
                "petition.image.invalidType",
                "petition.image.tooManyPixels");
        if (Images.refused(upload, picture)) {
            file.setValid(false);
            FacesContext.getCurrentInstance().validationFailed();
            FacesContext.getCurrentInstance().renderResponse();
        }
    }

    public String save() {
        CoalitionEvent saved;
        try {
            saved = events.save(id, form, note, picture, removeImage);
        } catch (EventRefusedException e) {
            Pages.refuse("form:" + e.field(), e.key());
            return null;
        } catch (PersistenceException | TransactionalException e) {
            if (!DatabaseErrors.isDuplicate(e)) {
                throw e;
            }
            Pages.error("form:slug", "event.slug.taken");
            return null;
        }
        Pages.flash(
                FacesMessage.SEVERITY_INFO,
                "admin.event.saved",
                saved.getTitle().in(Pages.language()));
        return Pages.redirect("/admin/events");
    }

    public List<Organization> getOrganizations() {
        return events.organizationsForCaller();
    }

    public List<Organization> getCohostOptions() {
        return events.cohostOptions();
    }

    /** Staff may post for the coalition itself (no member organization). */
    public boolean isMayHostAsCoalition() {
        return events.mayPostForCoalition();
    }

    /** The coalition's zones first, then every other zone of the Americas and the Pacific, by name. */
    public List<String> getZones() {
        return CoalitionZones.offered();
    }

    /** "Chicago (America/Chicago)": the city people know, with the exact zone. */
    public String zoneLabel(String zone) {
        return CoalitionZones.label(zone);
    }

    public EventType[] getTypes() {
        return EventType.values();
    }

    public Attendance[] getAttendances() {
        return Attendance.values();
    }

    public LocationDisclosure[] getDisclosures() {
        return LocationDisclosure.values();
    }

    public VenueKind[] getVenueKinds() {
        return VenueKind.values();
    }

    public boolean isHasImage() {
        return hasImage;
    }

    public boolean isRemoveImage() {
        return removeImage;
    }

    public void setRemoveImage(boolean removeImage) {
        this.removeImage = removeImage;
    }

    public Part getImage() {
        return image;
    }

    public void setImage(Part image) {
        this.image = image;
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isPublished() {
        return published;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public EventForm getForm() {
        return form;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
