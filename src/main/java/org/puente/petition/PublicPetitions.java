package org.puente.petition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.NotFoundException;

/** Backs the public petition pages ({@code #{publicPetitions}}): read-only and sessionless. */
@Named
@RequestScoped
public class PublicPetitions {

    @Inject
    PetitionReadCache cache;

    @Inject
    SignatureCounts counts;

    @Inject
    HttpServletRequest request;

    @Inject
    PuenteConfig config;

    private List<Petition> open;
    private Petition current;

    public List<Petition> getOpen() {
        if (open == null) {
            open = cache.open();
        }
        return open;
    }

    /** The petition the address (or the posted form's {@code slug}) names. */
    public Petition getCurrent() {
        if (current == null) {
            Object slug = request.getAttribute(PetitionUrlFilter.SLUG_ATTRIBUTE);
            String name = slug != null ? slug.toString() : request.getParameter("slug");
            current = cache.visible(name).orElseThrow(() -> new NotFoundException("petition " + name));
        }
        return current;
    }

    /** How many of the latest comments the petition's page shows. */
    static final int PUBLIC_COMMENTS = 10;

    @Inject
    SignatureService signatures;

    private List<SignerComment> comments;

    /** The latest comments staff have not hidden, without names or addresses. */
    public List<SignerComment> comments(Petition petition) {
        if (comments == null) {
            comments = signatures.listComments(petition.getId(), false, PUBLIC_COMMENTS);
        }
        return comments;
    }

    public long count(Petition petition) {
        return counts.confirmed(petition.getId());
    }

    /** A portal path as an absolute address (Open Graph wants one). */
    public String absolute(String path) {
        return path == null ? null : config.baseUrl() + path;
    }

    /** Share links as plain URLs: no third-party scripts on the page. */
    public String shareUrl(Petition petition) {
        return config.baseUrl() + "/petitions/" + petition.getSlug();
    }

    /** The HTML a member organization pastes into its own site to show the sign widget. */
    public String embedCode(Petition petition) {
        return "<iframe src=\"" + config.baseUrl() + "/embed/petitions/" + petition.getSlug()
                + "\" title=\""
                + petition.getTitle().in(Language.EN).replace("\"", "&quot;")
                + "\" width=\"100%\" height=\"820\" style=\"border:0\" loading=\"lazy\"></iframe>";
    }

    public String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Boolean signable;

    /** Whether to offer the form (asked several times per page; answered once). */
    public boolean isSignable(Petition petition) {
        if (signable == null) {
            signable = cache.isSignable(petition);
        }
        return signable;
    }

    public boolean isThanks() {
        return request.getParameter("thanks") != null;
    }
}
