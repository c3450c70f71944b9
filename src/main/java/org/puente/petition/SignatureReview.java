package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.puente.account.Caller;
import org.puente.organization.Editors;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * Coalition staff's review of a petition's signatures: the held ones, released (they get their
 * confirmation mail and count once confirmed) or discarded in bulk, and where signatures came from.
 * The sponsoring organization's editors see how many of theirs are held, and nothing more: releasing is
 * a judgement on suspected abuse that the coalition keeps (an organization has an interest in its own count),
 * and the sources name signers' network addresses and e-mail domains, which only staff see.
 */
@ApplicationScoped
public class SignatureReview {

    /** Held signatures are released in batches of this size, one short transaction each. */
    static final int BATCH = 100;

    /** How many of the latest comments staff see to moderate. */
    static final int STAFF_COMMENTS = 200;

    @Inject
    Caller caller;

    @Inject
    SignatureService signatures;

    @Inject
    SignatureSources sources;

    @Inject
    Editors editors;

    public Petition petition(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        return signatures.findVisibleById(id).orElseThrow(() -> new NotFoundException("petition " + id));
    }

    /** The petition for reading its held counts: coalition staff, or an editor of its organization. */
    public Petition petitionForReading(long id) {
        caller.require(Role.ADMIN, Role.STAFF, Role.ORG_EDITOR);
        Petition petition = signatures.findVisibleById(id).orElseThrow(() -> new NotFoundException("petition " + id));
        if (!caller.isCoalitionStaff()) {
            editors.requireEditorOf(petition.getOrganization());
        }
        return petition;
    }

    public Map<HoldReason, Long> held(long petitionId) {
        petitionForReading(petitionId);
        return signatures.heldCounts(petitionId);
    }

    /** Whether the caller may release, discard and see sources (coalition staff). */
    public boolean mayDecide() {
        return caller.isCoalitionStaff();
    }

    public List<SignatureSources.Hour> hourly(long petitionId) {
        caller.require(Role.ADMIN, Role.STAFF);
        return sources.hourly(petitionId);
    }

    /** @return how many held signatures were released */
    public int release(long petitionId, HoldReason reason) {
        petition(petitionId);
        int released = 0;
        for (int batch; (batch = signatures.releaseHeld(petitionId, reason, BATCH)) > 0; ) {
            released += batch;
        }
        return released;
    }

    /** @return how many held signatures were deleted */
    public int discard(long petitionId, HoldReason reason) {
        petition(petitionId);
        return signatures.discardHeld(petitionId, reason);
    }

    /** The signers' comments staff moderate, the hidden ones included. */
    public List<SignerComment> comments(long petitionId) {
        caller.require(Role.ADMIN, Role.STAFF);
        return signatures.listComments(petitionId, true, STAFF_COMMENTS);
    }

    /** Hides a signer's comment from the public page and the delivery, or shows it again. */
    public boolean hideComment(long petitionId, long signatureId, boolean hidden) {
        petition(petitionId);
        return signatures.hideComment(petitionId, signatureId, hidden);
    }
}
