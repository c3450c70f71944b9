package org.puente.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.account.Account;
import org.puente.platform.i18n.Language;
import org.puente.platform.security.Role;
import org.puente.platform.web.PlainText;

@DisplayName("Organizations, logos, invitations and who may edit")
class OrganizationTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static OrganizationProfile profile(String name) {
        OrganizationProfile profile = new OrganizationProfile();
        profile.setName(name);
        profile.setCountry(" mx ");
        profile.setCity("  ");
        profile.setDescriptionEs("Acompañamos");
        return profile;
    }

    @Test
    @DisplayName("slugs are readable ASCII made from any name")
    void slugs() {
        assertEquals("ninez-migrante-de-yuma", Organization.slugOf("Niñez Migrante de Yuma!"));
        assertEquals("organization", Organization.slugOf("مرحبا"));
        assertTrue(Organization.slugOf("x".repeat(200)).length() <= 60);
    }

    @Test
    @DisplayName("a profile is normalised on the way in: country upper case, blanks as missing")
    void normalisation() {
        Organization organization = new Organization("slug", profile("  Casa  "), NOW);
        assertEquals("Casa", organization.getName());
        assertEquals("MX", organization.getCountry());
        assertEquals(null, organization.getCity());
        assertEquals("México", organization.locationIn(Language.ES));
        assertEquals("Mexico", organization.locationIn(Language.EN));
        assertEquals("Acompañamos", organization.getDescription().in(Language.EN), "falls back to Spanish");
        assertTrue(organization.isActive());
        organization.deactivate(NOW);
        assertFalse(organization.isActive());
    }

    @Test
    @DisplayName(
            "logos are recognised by their bytes: PNG and JPEG in; WebP (the JDK cannot re-encode it), SVG and text out")
    void logoTypes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
        assertEquals(Optional.of("image/png"), OrganizationLogo.detectType(png));
        assertEquals(Optional.of("image/jpeg"), OrganizationLogo.detectType(jpeg));
        assertEquals(Optional.empty(), OrganizationLogo.detectType(webp));
        assertEquals(
                Optional.empty(),
                OrganizationLogo.detectType("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), OrganizationLogo.detectType(new byte[OrganizationLogo.MAX_BYTES + 1]));
    }

    @Test
    @DisplayName("an invitation is single-use and expires after a week")
    void invitationLifecycle() {
        Organization organization = new Organization("casa", profile("Casa"), NOW);
        Invitation invitation = new Invitation("Ana@Example.org", Language.ES, organization, null, "hash", NOW);
        assertEquals("ana@example.org", invitation.getEmail());
        assertEquals(Optional.empty(), invitation.problemAt(NOW.plusSeconds(60)));
        assertEquals(Optional.of(Invitation.Problem.EXPIRED), invitation.problemAt(NOW.plus(Invitation.LIFETIME)));
        invitation.accept(NOW.plusSeconds(60));
        assertEquals(Optional.of(Invitation.Problem.USED), invitation.problemAt(NOW.plusSeconds(120)));
        assertThrows(IllegalStateException.class, () -> invitation.accept(NOW.plusSeconds(120)));
    }

    @Test
    @DisplayName("an invitation to a deactivated organization no longer works")
    void invitationToDeactivated() {
        Organization organization = new Organization("casa", profile("Casa"), NOW);
        Invitation invitation = new Invitation("ana@example.org", Language.EN, organization, null, "hash", NOW);
        organization.deactivate(NOW);
        assertEquals(Optional.of(Invitation.Problem.EXPIRED), invitation.problemAt(NOW.plusSeconds(1)));
    }

    @Test
    @DisplayName("admins edit every organization; editors only theirs; staff none")
    void whoMayEdit() throws Exception {
        Organization mine = withId(new Organization("a", profile("A"), NOW), 1L);
        Organization theirs = withId(new Organization("b", profile("B"), NOW), 2L);
        Account admin = new Account("admin@x.org", "Admin", "hash", Role.ADMIN, Language.EN, NOW);
        Account staff = new Account("staff@x.org", "Staff", "hash", Role.STAFF, Language.EN, NOW);
        Account editor = new Account("ed@x.org", "Ed", "hash", Role.ORG_EDITOR, Language.ES, NOW);
        mine.addEditor(editor);
        assertTrue(theirs.mayBeEditedBy(admin));
        assertFalse(mine.mayBeEditedBy(staff));
        assertTrue(mine.mayBeEditedBy(editor));
        assertFalse(theirs.mayBeEditedBy(editor));
        editor.deactivate();
        assertFalse(mine.mayBeEditedBy(editor), "a deactivated editor edits nothing");
        editor.reactivate();
        mine.removeEditor(editor);
        assertFalse(mine.mayBeEditedBy(editor));
    }

    @Test
    @DisplayName("an editor invites co-editors to their own organization only; staff and admins to any")
    void whoMayInvite() throws Exception {
        Organization mine = withId(new Organization("a", profile("A"), NOW), 1L);
        Organization theirs = withId(new Organization("b", profile("B"), NOW), 2L);
        Account staff = new Account("staff@x.org", "Staff", "hash", Role.STAFF, Language.EN, NOW);
        Account editor = withAccountId(new Account("ed@x.org", "Ed", "hash", Role.ORG_EDITOR, Language.ES, NOW), 7L);
        mine.addEditor(editor);
        assertTrue(theirs.mayManageEditorsBy(staff));
        assertTrue(mine.mayManageEditorsBy(editor));
        assertFalse(theirs.mayManageEditorsBy(editor), "not another organization's");
        editor.deactivate();
        assertFalse(mine.mayManageEditorsBy(editor), "a deactivated editor invites nobody");
    }

    @Test
    @DisplayName(
            "a resent invitation replaces the old one, whose link then says so; a revoked one says it was withdrawn")
    void invitationResendAndRevoke() {
        Organization organization = new Organization("casa", profile("Casa"), NOW);
        Invitation first = new Invitation("ana@example.org", Language.ES, organization, null, "hash1", NOW);
        assertFalse(first.mayBeResentAt(NOW.plusSeconds(10)), "not again at once");
        assertThrows(IllegalStateException.class, () -> first.resend(null, "hash2", NOW.plusSeconds(10)));
        Instant later = NOW.plus(Invitation.RESEND_INTERVAL);
        Invitation second = first.resend(null, "hash2", later);
        assertEquals(Optional.of(Invitation.Problem.REPLACED), first.problemAt(later));
        assertEquals(Optional.empty(), second.problemAt(later));
        assertEquals(later.plus(Invitation.LIFETIME), second.getExpiresAt(), "a fresh week");
        assertEquals(Language.ES, second.getLanguage());
        second.revoke(later.plusSeconds(1));
        assertEquals(Optional.of(Invitation.Problem.REVOKED), second.problemAt(later.plusSeconds(2)));
        assertThrows(IllegalStateException.class, () -> second.accept(later.plusSeconds(2)));
        assertThrows(IllegalStateException.class, () -> second.revoke(later.plusSeconds(3)));
    }

    static Account withAccountId(Account account, long id) throws Exception {
        var field = Account.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(account, id);
        return account;
    }

    @Test
    @DisplayName("plain text refuses control characters, and line breaks only where allowed")
    void plainText() {
        assertTrue(PlainText.Validator.isPlain("Niñez 🌎 <b>", false));
        assertFalse(PlainText.Validator.isPlain("a\u0000b", false));
        assertFalse(PlainText.Validator.isPlain("a\nb", false));
        assertTrue(PlainText.Validator.isPlain("a\r\nb", true));
        assertFalse(PlainText.Validator.isPlain("a\u001Bb", true));
    }

    static Organization withId(Organization organization, long id) throws Exception {
        var field = Organization.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(organization, id);
        return organization;
    }
}
