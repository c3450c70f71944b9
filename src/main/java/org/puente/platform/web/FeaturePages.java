package org.puente.platform.web;

import java.util.Set;

/**
 * What a feature tells the platform about its own pages, so that the platform lists none of them: which
 * views are stateless public reading pages (no session, no view state; {@link PuenteViewHandler}) and
 * which paths take uploads larger than the usual limit ({@link RequestSizeFilter}). One CDI bean per feature.
 */
public interface FeaturePages {

    /** View ids ({@code /petition.xhtml}) rendered as transient views that create no HTTP session. */
    default Set<String> statelessViews() {
        return Set.of();
    }

    /** Paths inside the portal ({@code /admin/supporters-import}) that take the large upload limit. */
    default Set<String> largeUploads() {
        return Set.of();
    }
}
