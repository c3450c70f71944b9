package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.puente.account.Caller;
import org.puente.platform.security.Role;
import org.puente.platform.web.NotFoundException;

/**
 * Coalition staff's review of a petition's signatures: the held ones, released (they get their
 * confirmation mail and count once confirmed) or discarded in bulk, and where signatures came from.
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

    public Petition petition(long id) {
        caller.require(Role.ADMIN, Role.STAFF);
        return signatures.findVisibleById(id).orElseThrow(() -> new NotFoundException("petition " + id));
    }

    public Map<HoldReason, Long> held(long petitionId) {
        caller.require(Role.ADMIN, Role.STAFF);
        return signatures.heldCounts(petitionId);
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
