package org.puente.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;

@DisplayName("Composing mail: readable plain text, escaped HTML, the sender's footer, retries that wait longer")
class MailComposerTest {

    static MailComposer composer(String name, String address) {
        MailComposer composer = new MailComposer();
        composer.signature = () -> new MailSignature.Sender(new LocalizedText(name, name), address);
        return composer;
    }

    @Test
    @DisplayName(
            "a Spanish reader's mail names the coalition by its Spanish name, an English reader's by its English one")
    void coalitionNameInTheReadersLanguage() {
        MailComposer composer = new MailComposer();
        composer.signature = () -> new MailSignature.Sender(
                new LocalizedText("Coalition for Migrant Families", "Coalición por las Familias Migrantes"),
                "PO Box 1");
        OutgoingMail es = composer.compose(
                "ana@example.org", Language.ES, "Asunto", List.of("Hola:"), "Abrir", "https://example.org/x");
        assertTrue(es.text().contains("Coalición por las Familias Migrantes"), es.text());
        assertFalse(es.text().contains("Coalition for Migrant Families"), es.text());
        assertTrue(es.html().contains("Coalición por las Familias Migrantes"), es.html());
        OutgoingMail en = composer.compose(
                "sam@example.org", Language.EN, "Subject", List.of("Hello,"), "Open", "https://example.org/x");
        assertTrue(en.text().contains("Coalition for Migrant Families"), en.text());
    }

    @Test
    @DisplayName("sanitized HTML becomes plain text: paragraphs and list items on their own lines, entities decoded")
    void plainText() {
        assertEquals(
                "Children are waiting.\n- Call\n- Write\n\nTom & Jerry <3 \"quotes\" 'single' a+b=c @here",
                MailComposer.plainText(
                        "<p>Children are <strong>waiting</strong>.</p><ul><li>Call</li><li>Write</li></ul>"
                                + "<p>Tom &amp; Jerry &lt;3 &quot;quotes&quot; &#39;single&#39; a&#43;b&#61;c &#64;here</p>"));
        assertEquals("one\ntwo", MailComposer.plainText("one<br>two"));
        assertEquals("", MailComposer.plainText(null));
        assertEquals("a\n\nb", MailComposer.plainText("<p>a</p>\n\n\n\n<p>b</p>"), "no more than one empty line");
        assertEquals("&lt;", MailComposer.plainText("&amp;lt;"), "an escaped entity is decoded once, not twice");
    }

    @Test
    @DisplayName("the five characters that matter in HTML are escaped, everything else kept")
    void escape() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39; ñ", MailComposer.escape("<b> & \"x\" 'y' ñ"));
    }

    @Test
    @DisplayName(
            "a transactional mail says the same in text and HTML, escapes the sender's name and the link, and signs "
                    + "with the postal address")
    void transactional() {
        OutgoingMail mail = composer("Voces <Unidas> & Co", "1 Main St\nChicago")
                .compose(
                        "ana@example.org",
                        Language.ES,
                        "Confirma tu firma",
                        List.of("Hola <Ana>", "Gracias"),
                        "Confirmar",
                        "https://puente.test/c?t=1&x=\"2\"");

        assertEquals("Confirma tu firma", mail.subject());
        assertEquals(Language.ES, mail.language());
        assertTrue(
                mail.text()
                        .startsWith("Hola <Ana>\n\nGracias\n\nConfirmar:\nhttps://puente.test/c?t=1&x=\"2\"\n\n-- \n"),
                mail.text());
        assertTrue(mail.text().endsWith("1 Main St\nChicago\n"), mail.text());
        assertTrue(mail.html().contains("<html lang=\"es\">"), mail.html());
        assertTrue(mail.html().contains("Voces &lt;Unidas&gt; &amp; Co"), mail.html());
        assertTrue(mail.html().contains("Hola &lt;Ana&gt;"), mail.html());
        assertTrue(mail.html().contains("href=\"https://puente.test/c?t=1&amp;x=&quot;2&quot;\""), mail.html());
        assertTrue(mail.html().contains("1 Main St<br>Chicago"), mail.html());
        assertFalse(mail.html().contains("<Ana>") || mail.html().contains("<Unidas>"));
    }

    @Test
    @DisplayName("a letter keeps its sanitized body as HTML, puts it as text in the text part, and its footer, in the "
            + "reader's language, names why they get it, how to leave and where to change their mind")
    void letter() {
        MailComposer.Letter letter = new MailComposer.Letter(
                "Call today",
                "Before Friday",
                "<p>Call <em>now</em>.</p>",
                "Call",
                "https://example.org/call",
                "You get this because you joined {0}'s list",
                "Unsubscribe",
                "https://puente.test/unsubscribe?s=1",
                "Preferences",
                "https://puente.test/preferences?s=1");
        OutgoingMail mail = composer("Puente", "PO Box 1").letter("ana@example.org", Language.EN, Language.ES, letter);

        assertTrue(mail.html().contains("<p>Call <em>now</em>.</p>"), "the body is already safe HTML: " + mail.html());
        assertTrue(mail.html().contains("Before Friday</div>"), "the preheader, hidden, first");
        assertTrue(mail.html().contains("<p lang=\"es\""), "the footer is marked as the reader's language");
        assertTrue(mail.html().contains("You get this because you joined Puente&#39;s list"), mail.html());
        assertTrue(mail.text().startsWith("Call now.\n\nCall:\nhttps://example.org/call\n\n-- \n"), mail.text());
        assertTrue(
                mail.text()
                        .contains(
                                "You get this because you joined Puente's list\nPO Box 1\n"
                                        + "Unsubscribe: https://puente.test/unsubscribe?s=1\nPreferences: https://puente.test/preferences?s=1\n"),
                mail.text());
    }

    @Test
    @DisplayName("a letter without a button or links (a test send to staff) has neither")
    void bareLetter() {
        MailComposer.Letter letter = new MailComposer.Letter(
                "Hi", null, "<p>Hi.</p>", " ", null, "Why {0}", "Unsubscribe", null, "Preferences", null);
        OutgoingMail mail = composer("Puente", "").letter("staff@example.org", Language.EN, Language.EN, letter);

        assertFalse(mail.text().contains("Unsubscribe") || mail.html().contains("Unsubscribe"));
        assertFalse(mail.html().contains("display:inline-block"), "no button");
        assertFalse(mail.html().contains("display:none"), "no preheader");
    }

    @Test
    @DisplayName("the mail queue waits longer before each retry: 2 s, 4 s, 8 s")
    void retryDelays() {
        assertEquals(
                List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)),
                List.of(MailQueue.retryDelay(1), MailQueue.retryDelay(2), MailQueue.retryDelay(3)));
    }
}
