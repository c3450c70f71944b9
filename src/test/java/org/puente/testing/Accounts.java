package org.puente.testing;

import java.util.Map;
import org.jsoup.nodes.Element;
import org.puente.testing.WebSession.Page;

/** Signing people in, and bringing in new editors the way the portal does: by invitation through real mail. */
public final class Accounts {

    private Accounts() {}

    /**
     * Signs in through the form. A session without an address of its own gets one first
     * ({@link WebSession#ownClientAddress()}): the sign-in throttle counts per client, and one test's failures
     * must not hold up another's sign-in.
     */
    public static Page signIn(WebSession session, String email, String password) {
        session.ownClientAddress();
        return session.submit(session.get("/login"), "login", Map.of("email", email, "password", password), "submit");
    }

    public static WebSession admin(WebSession session) {
        Page dashboard = signIn(session, TestEnvironment.ADMIN_EMAIL, TestEnvironment.adminPassword());
        if (!dashboard.uri().getPath().startsWith("/admin")) {
            throw new AssertionError("the admin could not sign in: " + dashboard.text());
        }
        return session;
    }

    /** Invites a new editor of the organization as the admin, accepts in {@code editor}, and signs them in. */
    public static WebSession newEditor(WebSession admin, WebSession editor, long organizationId) throws Exception {
        return newEditor(admin, editor, organizationId, "EN", "ed-" + System.nanoTime() + "@puente.test");
    }

    /** As {@link #newEditor(WebSession, WebSession, long)}, for an account in {@code language} ("EN", "ES"). */
    public static WebSession newEditor(
            WebSession admin, WebSession editor, long organizationId, String language, String email) throws Exception {
        admin.submit(
                admin.get("/admin/organization-editors?id=" + organizationId),
                "invite",
                Map.of("email", email, "language", language),
                "send");
        String link = Mailbox.link(Mailbox.to(email).get(0), "/invitation?token=");
        editor.submit(
                editor.get(link),
                "accept",
                Map.of(
                        "name",
                        "Ed " + organizationId,
                        "password",
                        "a long enough phrase",
                        "confirmation",
                        "a long enough phrase"),
                "submit");
        Page signedIn = signIn(editor, email, "a long enough phrase");
        if (!signedIn.uri().getPath().startsWith("/admin")) {
            throw new AssertionError("the new editor could not sign in: " + signedIn.text());
        }
        return editor;
    }

    /** The id in the edit link of the admin list's row that mentions {@code name}. */
    public static long idInRow(Page list, String name, String linkPath) {
        for (Element row : list.document().select("tr")) {
            if (row.text().contains(name)) {
                Element edit = row.selectFirst("a[href*=" + linkPath + "?id=], a[href*=" + linkPath + ".xhtml?id=]");
                if (edit != null) {
                    return Long.parseLong(edit.attr("href").replaceAll(".*[?&]id=(\\d+).*", "$1"));
                }
            }
        }
        throw new AssertionError("no row for " + name + " in " + list.text());
    }
}
