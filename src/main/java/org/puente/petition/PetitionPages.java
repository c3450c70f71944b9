package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.puente.platform.web.FeaturePages;

/** The petition pages the public reads and signs from: stateless, so a crowd costs no sessions. */
@ApplicationScoped
public class PetitionPages implements FeaturePages {

    @Override
    public Set<String> statelessViews() {
        return Set.of(
                "/petitions.xhtml",
                "/petition.xhtml",
                "/petition-check-email.xhtml",
                "/signature-confirm.xhtml",
                "/embed/petition.xhtml",
                "/embed/check-email.xhtml");
    }
}
