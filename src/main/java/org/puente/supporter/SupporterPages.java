package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.puente.platform.web.FeaturePages;

/**
 * The unsubscribe confirmation and the preferences page (plain forms, keyed by the signed link) are stateless
 * public pages; the staff's CSV import takes large uploads.
 */
@ApplicationScoped
public class SupporterPages implements FeaturePages {

    @Override
    public Set<String> statelessViews() {
        return Set.of("/unsubscribe-page.xhtml", "/preferences-page.xhtml");
    }

    @Override
    public Set<String> largeUploads() {
        return Set.of("/admin/supporters-import");
    }
}
