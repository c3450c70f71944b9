package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.puente.supporter.Supporter;
import org.puente.supporter.SupporterActivity;

/** The petitions a supporter signed, by their canonical address, for their page in the supporter list. */
@ApplicationScoped
public class SignedPetitions implements SupporterActivity {

    @Inject
    SignatureService signatures;

    @Override
    public List<Entry> of(Supporter supporter) {
        return signatures.findBySigner(supporter.getEmailCanonical()).stream()
                .map(s -> new Entry(
                        Kind.SIGNED,
                        s.getPetition().getTitle(),
                        "supporter.signed." + s.getState().name(),
                        s.getConfirmedAt() == null ? s.getCreatedAt() : s.getConfirmedAt()))
                .toList();
    }
}
