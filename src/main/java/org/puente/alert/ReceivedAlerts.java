package org.puente.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.puente.supporter.Supporter;
import org.puente.supporter.SupporterActivity;

/**
 * The alerts a supporter was sent, for their page in the supporter list. Deliveries are found by the
 * supporter's id, which the audience snapshot records (and erasure clears), not by the address copied for
 * sending.
 */
@ApplicationScoped
public class ReceivedAlerts implements SupporterActivity {

    @Inject
    AlertDeliveries deliveries;

    @Override
    public List<Entry> of(Supporter supporter) {
        return deliveries.ofRecipient(supporter.getId()).stream()
                .map(d -> new Entry(
                        Kind.RECEIVED,
                        d.subject(),
                        "supporter.received." + d.state().name(),
                        d.at()))
                .toList();
    }
}
