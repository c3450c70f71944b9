package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.puente.platform.web.FeaturePages;

/** The statement pages the public reads: stateless, so a crowd costs no sessions. */
@ApplicationScoped
public class StatementPages implements FeaturePages {

    @Override
    public Set<String> statelessViews() {
        return Set.of(
                "/statements.xhtml",
                "/statement.xhtml",
                "/statement-check-email.xhtml",
                "/statement-signature.xhtml",
                "/embed/statement.xhtml");
    }
}
