package org.puente.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.puente.account.Account;
import org.puente.account.Caller;
import org.puente.platform.security.AccessDeniedException;

/**
 * Whether the person behind the request may act for an organization ({@code #{editors}} in views): the
 * organization's rule ({@link Organization#mayBeEditedBy}) turned into allow or 403 for the caller.
 */
@Named
@ApplicationScoped
public class Editors {

    @Inject
    Caller caller;

    public boolean mayEdit(Organization organization) {
        return caller.account().map(organization::mayBeEditedBy).orElse(false);
    }

    /** Whether the caller may list, invite and withdraw the organization's editors (staff; its own editors). */
    public boolean mayManageEditors(Organization organization) {
        return caller.account().map(organization::mayManageEditorsBy).orElse(false);
    }

    public Account requireManagerOfEditors(Organization organization) {
        Account current = caller.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!organization.mayManageEditorsBy(current)) {
            throw new AccessDeniedException("account " + current.getId()
                    + " may not manage the editors of organization " + organization.getId());
        }
        return current;
    }

    public Account requireEditorOf(Organization organization) {
        Account current = caller.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!organization.mayBeEditedBy(current)) {
            throw new AccessDeniedException(
                    "account " + current.getId() + " may not edit organization " + organization.getId());
        }
        return current;
    }
}
