package org.puente.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.RichText;

@DisplayName("Petitions and signatures: lifecycle, counting once, canonical addresses, safe text")
class PetitionTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static Petition petition(LocalDate endDate) {
        return new Petition(
                null,
                "p",
                new LocalizedText("Title", "Título"),
                LocalizedText.empty(),
                new LocalizedText("<p>Text</p>", null),
                new LocalizedText("Congress", "Congreso"),
                100,
                endDate,
                NOW);
    }

    static SignatureForm form(String email) {
        SignatureForm form = new SignatureForm();
        form.setFirstName(" Ana ");
        form.setLastName("Pérez");
        form.setEmail(email);
        form.setCountry("mx");
        form.setLanguage(Language.ES);
        return form;
    }

    @Test
    @DisplayName("only an open petition within its end date is signable; closing stops signing at once")
    void lifecycle() {
        Petition petition = petition(LocalDate.of(2026, 11, 30));
        assertFalse(petition.isSignable(NOW), "a draft");
        assertThrows(IllegalStateException.class, () -> petition.approve(NOW), "approval needs review first");
        petition.submitForReview(NOW);
        assertFalse(petition.isSignable(NOW), "in review");
        petition.approve(NOW);
        assertTrue(petition.isSignable(NOW));
        assertTrue(petition.isSignable(Instant.parse("2026-11-30T23:59:00Z")), "the end date is inclusive");
        assertFalse(petition.isSignable(Instant.parse("2026-12-01T00:00:01Z")), "past the end date");
        petition.close(NOW);
        assertFalse(petition.isSignable(NOW));
        assertEquals(PetitionState.CLOSED, petition.getState());
    }

    @Test
    @DisplayName("progress is a percentage of the goal, capped at 100")
    void progress() {
        Petition petition = petition(null);
        assertEquals(0, petition.percentOfGoal(0));
        assertEquals(37, petition.percentOfGoal(37));
        assertEquals(100, petition.percentOfGoal(5000));
    }

    @Test
    @DisplayName("a signature confirms once, and not after its link expires")
    void confirmOnce() {
        Signature signature = new Signature(petition(null), form("ana@example.org"), "hash", NOW, null, null, null);
        assertEquals(SignatureState.PENDING, signature.getState());
        assertTrue(signature.confirm(NOW.plusSeconds(60)));
        assertFalse(signature.confirm(NOW.plusSeconds(61)), "single use");
        assertEquals(SignatureState.CONFIRMED, signature.getState());

        Signature late = new Signature(petition(null), form("luis@example.org"), "hash2", NOW, null, null, null);
        assertFalse(late.confirm(NOW.plus(Signature.LINK_LIFETIME)), "expired");
        assertEquals(SignatureState.PENDING, late.getState());
    }

    @Test
    @DisplayName(
            "signing again mails the same link a few times at most, renews only an old link, and never after confirming")
    void reminders() {
        Signature signature = new Signature(petition(null), form("ana@example.org"), "h1", NOW, null, null, null);
        Instant expiry = signature.getTokenExpiresAt();
        assertTrue(signature.remind(NOW.plusSeconds(1)));
        assertEquals(expiry, signature.getTokenExpiresAt(), "a double click: the same link, which still works");
        Instant late = NOW.plus(Signature.LINK_LIFETIME.dividedBy(2)).plusSeconds(1);
        assertTrue(signature.remind(late));
        assertEquals(Signature.linkExpiry(late), signature.getTokenExpiresAt(), "an old link is renewed");
        assertFalse(signature.remind(late), "at most " + Signature.MAX_MAILS + " mails");
        Signature confirmed = new Signature(petition(null), form("luis@example.org"), "h5", NOW, null, null, null);
        confirmed.confirm(NOW);
        assertFalse(confirmed.remind(NOW));
        assertEquals(
                Signature.LinkState.CONFIRMED, confirmed.linkState(NOW.plusSeconds(5)), "the used link still finds it");
        assertEquals(Signature.LinkState.EXPIRED, signature.linkState(Signature.linkExpiry(late)));
    }

    @Test
    @DisplayName("a held signature gets no link, cannot be confirmed or reminded, and counts only after release")
    void held() {
        Signature held = new Signature(
                petition(null),
                form("ana@example.org"),
                "h1",
                NOW,
                "203.0.113.9",
                "203.0.113.9",
                HoldReason.RATE_LIMIT);
        assertFalse(held.isLinkUsable(NOW), "no link while held");
        assertFalse(held.confirm(NOW), "a held signature cannot be confirmed");
        assertFalse(held.remind(NOW), "signing again sends nothing while held");
        assertTrue(held.release(NOW.plusSeconds(60)));
        assertNull(held.getHoldReason());
        assertFalse(held.release(NOW.plusSeconds(61)), "released once");
        assertTrue(held.confirm(NOW.plusSeconds(120)));
        assertEquals(SignatureState.CONFIRMED, held.getState());
    }

    @Test
    @DisplayName("petition text keeps paragraphs, emphasis, lists and http links; scripts and handlers are removed")
    void sanitizing() {
        String clean = RichText.sanitize("<p onclick=\"x()\">Free <strong>them</strong>"
                + "<script>alert(1)</script><a href=\"javascript:alert(2)\">bad</a>"
                + "<a href=\"https://example.org\">good</a></p><ul><li>one</li></ul><img src=x onerror=alert(3)>");
        assertFalse(
                clean.contains("script")
                        || clean.contains("onclick")
                        || clean.contains("javascript")
                        || clean.contains("onerror")
                        || clean.contains("<img"),
                clean);
        assertTrue(clean.contains("<strong>them</strong>") && clean.contains("<li>one</li>"), clean);
        assertTrue(clean.contains("href=\"https://example.org\"") && clean.contains("nofollow"), clean);
        assertNull(RichText.sanitize("<script>only</script>"));
    }
}
