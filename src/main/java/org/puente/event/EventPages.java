package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.puente.platform.web.FeaturePages;

/** The event pages the public reads and registers from: stateless, so a crowd costs no sessions. */
@ApplicationScoped
public class EventPages implements FeaturePages {

    @Override
    public Set<String> statelessViews() {
        return Set.of(
                "/events.xhtml",
                "/event.xhtml",
                "/event-check-email.xhtml",
                "/registration.xhtml",
                "/embed/event.xhtml",
                // The widgets' "check your e-mail", shared with petitions.
                "/embed/check-email.xhtml");
    }
}
