package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.puente.platform.web.FeaturePages;

/** The unsubscribe confirmation is a stateless public page; the staff's CSV import takes large uploads. */
@ApplicationScoped
public class SupporterPages implements FeaturePages {

    @Override
    public Set<String> statelessViews() {
        return Set.of("/unsubscribe-page.xhtml");
    }

    @Override
    public Set<String> largeUploads() {
        return Set.of("/admin/supporters-import");
    }
}
