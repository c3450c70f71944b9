package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.puente.account.Caller;

/** What awaits the coalition staff's review, for their dashboard ({@code #{reviewQueue}}). */
@Named
@RequestScoped
public class ReviewQueue {

    @Inject
    PetitionService petitions;

    @Inject
    Caller caller;

    private List<Petition> waiting;

    /** Petitions in review, the longest waiting first; none for anyone but staff. */
    public List<Petition> getPetitions() {
        if (waiting == null) {
            waiting = caller.isCoalitionStaff() ? petitions.awaitingReview() : List.of();
        }
        return waiting;
    }

    public int getCount() {
        return getPetitions().size();
    }
}
