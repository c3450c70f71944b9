package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.StreamedRows;

/**
 * The printable page for handing a petition to its target ({@code /admin/petition-delivery?id=}): the
 * text, the count, and signers' names and postal codes; never their e-mail addresses. The signers are
 * streamed into the page, never all held at once.
 */
@Named
@RequestScoped
public class PetitionDelivery {

    @Inject
    PetitionService petitions;

    @Inject
    SignatureService signatureService;

    private Long id;
    private Petition petition;
    private StreamedRows<Signature> signatures;
    private List<SignerComment> comments;

    /** How many of the latest comments the printed delivery lists. */
    static final int DELIVERY_COMMENTS = 500;

    public void load() {
        if (id == null) {
            throw new NotFoundException("no petition id");
        }
        petition = petitions.findForAuthoring(id);
        long petitionId = id;
        signatures = new StreamedRows<>(
                signatureService.confirmedCount(petitionId),
                after -> petitions.confirmedSignatures(petitionId, after == null ? 0 : after.getId()));
    }

    /** What signers wrote, as staff left it (hidden comments are not printed). */
    public List<SignerComment> getComments() {
        if (comments == null) {
            comments = signatureService.listComments(id, false, DELIVERY_COMMENTS);
        }
        return comments;
    }

    public Petition getPetition() {
        return petition;
    }

    /** The signers, read a batch at a time while the page renders. */
    public StreamedRows<Signature> getSignatures() {
        return signatures;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
