package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The printable page for handing a petition to its target ({@code /admin/petition-delivery?id=}): the
 * text, the count, and signers' names and postal codes; never their e-mail addresses.
 */
@Named
@RequestScoped
public class PetitionDelivery {

    @Inject
    PetitionService petitions;

    private Long id;
    private Petition petition;
    private List<Signature> signatures;

    public void load() {
        if (id == null) {
            throw new org.puente.platform.web.NotFoundException("no petition id");
        }
        petition = petitions.findForAuthoring(id);
        signatures = petitions.confirmedSignatures(id);
    }

    public Petition getPetition() {
        return petition;
    }

    public List<Signature> getSignatures() {
        return signatures;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
