package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.puente.platform.web.FeaturePages;

/** The home page and the public directory of member organizations: stateless reading pages. */
@ApplicationScoped
public class OrganizationPages implements FeaturePages {

    @Override
    public Set<String> statelessViews() {
        return Set.of("/index.xhtml", "/organizations.xhtml", "/organization.xhtml");
    }
}
