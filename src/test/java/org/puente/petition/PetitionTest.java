package org.puente.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    static Petition open() {
        Petition petition = new Petition(
                null,
                "open",
                new LocalizedText("Reunite families now", "Reunifiquen ya a las familias"),
                new LocalizedText("Families belong together.", null),
                new LocalizedText("<p>Free the families.</p>", "<p>Liberen a las familias.</p>"),
                new LocalizedText("Congress", "Congreso"),
                100,
                null,
                NOW);
        petition.submitForReview(NOW);
        petition.approve(NOW);
        return petition;
    }

    @Test
    @DisplayName("an open petition takes a small typo fix, which reports the texts it changed and how much")
    void smallCorrection() {
        Petition petition = open();
        Instant later = NOW.plusSeconds(60);
        Petition.Correction correction = petition.correct(
                new LocalizedText("Reunite families now", "Reunifiquen ya a las familias"),
                new LocalizedText("Families belong together!", null),
                new LocalizedText("<p>Free the families.</p>", "<p>Liberen a las familias <script>x</script>ya.</p>"),
                later);
        assertEquals(List.of(PetitionField.SUMMARY_EN, PetitionField.TEXT_ES), correction.fields());
        assertEquals(1 + 3, correction.changedCharacters(), "one character, then the sanitized ' ya'");
        assertEquals("Families belong together!", petition.getSummary().en());
        assertEquals("<p>Liberen a las familias ya.</p>", petition.getText().es(), "sanitized like any text");
        assertEquals(later, petition.getUpdatedAt());
        assertTrue(petition.isOpen(), "still open and signable");
    }

    @Test
    @DisplayName(
            "a correction is refused when it is large, empties a text, changes nothing, or the petition is not open")
    void correctionRefused() {
        Petition petition = open();
        LocalizedText title = petition.getTitle();
        LocalizedText summary = petition.getSummary();
        LocalizedText text = petition.getText();
        CorrectionRefusedException large = assertThrows(
                CorrectionRefusedException.class,
                () -> petition.correct(
                        title,
                        summary,
                        new LocalizedText("<p>" + "A whole new text. ".repeat(6) + "</p>", text.es()),
                        NOW));
        assertEquals("petition.correction.tooLarge", large.messageKey());
        assertEquals(
                "petition.correction.tooLarge",
                assertThrows(
                                CorrectionRefusedException.class,
                                () -> petition.correct(
                                        new LocalizedText("Reunite families now" + "!".repeat(50), title.es()),
                                        new LocalizedText(summary.en() + "?".repeat(40), null),
                                        text,
                                        NOW))
                        .messageKey(),
                "the limit is for all texts together");
        assertEquals(
                "petition.correction.emptied",
                assertThrows(
                                CorrectionRefusedException.class,
                                () -> petition.correct(
                                        new LocalizedText("Reunite families now", " "), summary, text, NOW))
                        .messageKey());
        assertEquals(
                "petition.correction.nothing",
                assertThrows(CorrectionRefusedException.class, () -> petition.correct(title, summary, text, NOW))
                        .messageKey());
        assertEquals("Reunite families now", petition.getTitle().en(), "nothing changed by a refused correction");
        assertEquals("<p>Free the families.</p>", petition.getText().en());

        Petition draft = petition(null);
        assertThrows(
                IllegalStateException.class,
                () -> draft.correct(new LocalizedText("Titles", "Título"), LocalizedText.empty(), draft.getText(), NOW),
                "a draft is revised, not corrected");
        petition.close(NOW);
        assertThrows(IllegalStateException.class, () -> petition.correct(title, summary, text, NOW));
    }

    @Test
    @DisplayName("the edit distance counts insertions, deletions and substitutions, and stops past its limit")
    void editDistance() {
        assertEquals(0, Petition.editDistance("same", "same", 5));
        assertEquals(1, Petition.editDistance("recieve", "receive", 5) - 1, "a swap is two substitutions");
        assertEquals(1, Petition.editDistance("familes", "families", 5));
        assertEquals(3, Petition.editDistance("kitten", "sitting", 5));
        assertEquals(2, Petition.editDistance("a" + "x".repeat(10_000) + "b", "c" + "x".repeat(10_000) + "d", 5));
        assertEquals(6, Petition.editDistance("short", "a much longer text", 5), "limit + 1 when above it");
        assertEquals(6, Petition.editDistance("abcdefghij", "jihgfedcba", 5));
    }
}
