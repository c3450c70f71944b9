package org.puente.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LocalizedText;

@DisplayName("An alert's life: draft, scheduled, sending, paused, sent; each step only from where it may happen")
class AlertTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    static Alert draft(LocalizedText subject, LocalizedText body) {
        Alert alert = new Alert(1L, NOW);
        alert.write(
                subject,
                LocalizedText.empty(),
                body,
                LocalizedText.empty(),
                LocalizedText.empty(),
                new Audience(null, Language.ES, "US", "606"),
                NOW);
        return alert;
    }

    static Alert bilingual() {
        return draft(new LocalizedText("Call today", "Llama hoy"), new LocalizedText("<p>Call.</p>", "<p>Llama.</p>"));
    }

    @Test
    @DisplayName("a new alert is a draft whose text and audience staff write; the body is sanitized as it is stored")
    void writesADraft() {
        Alert alert =
                draft(new LocalizedText("Call", null), new LocalizedText("<p>Hi<script>alert(1)</script></p>", null));

        assertTrue(alert.isDraft());
        assertEquals("<p>Hi</p>", alert.getBody().exactly(Language.EN));
        assertEquals(new Audience(null, Language.ES, "US", "606"), alert.getAudience());
        assertTrue(alert.isComplete(Language.EN));
        assertFalse(alert.isComplete(Language.ES), "no Spanish subject or body");
    }

    @Test
    @DisplayName("each recipient gets their own language unless staff chose one version for everyone")
    void readiness() {
        Alert englishOnly = draft(new LocalizedText("Call", ""), new LocalizedText("<p>Call.</p>", null));

        assertFalse(englishOnly.isReady(null), "both versions are needed when each reads their own");
        assertTrue(englishOnly.isReady(Language.EN));
        assertFalse(englishOnly.isReady(Language.ES));
        assertThrows(IllegalStateException.class, () -> englishOnly.startSending(10, null, NOW));
        assertTrue(englishOnly.isDraft(), "refused without changing anything");

        englishOnly.startSending(10, Language.EN, NOW);
        assertEquals(Language.EN, englishOnly.versionFor(Language.ES), "the one version goes to everyone");
        assertEquals(Language.ES, bilingual().versionFor(Language.ES));
    }

    @Test
    @DisplayName(
            "sending starts from a draft, goes on, pauses and resumes, and ends sent when every delivery is settled")
    void sendingLifecycle() {
        Alert alert = bilingual();
        alert.startSending(3, null, NOW);
        assertEquals(AlertState.SENDING, alert.getState());
        assertEquals(3, alert.getAudienceSize());
        assertEquals(NOW, alert.getStartedAt());
        assertNull(alert.getFinishedAt());
        assertThrows(
                IllegalStateException.class,
                () -> alert.write(
                        LocalizedText.empty(),
                        LocalizedText.empty(),
                        LocalizedText.empty(),
                        LocalizedText.empty(),
                        LocalizedText.empty(),
                        Audience.everyone(),
                        NOW),
                "the text is frozen once sending starts");
        assertThrows(IllegalStateException.class, () -> alert.startSending(3, null, NOW), "it starts once");
        assertThrows(IllegalStateException.class, () -> alert.resume(NOW), "only a paused alert resumes");

        alert.pause(NOW.plusSeconds(1));
        assertEquals(AlertState.PAUSED, alert.getState());
        alert.finish(NOW.plusSeconds(2));
        assertEquals(AlertState.PAUSED, alert.getState(), "a paused alert stays paused for staff to see");
        assertThrows(IllegalStateException.class, () -> alert.pause(NOW));

        alert.resume(NOW.plusSeconds(3));
        Instant done = NOW.plusSeconds(4);
        alert.finish(done);
        assertEquals(AlertState.SENT, alert.getState());
        assertEquals(done, alert.getFinishedAt());
        alert.finish(done.plusSeconds(60));
        assertEquals(done, alert.getFinishedAt(), "finished once, even when two instances find it settled");
        assertThrows(IllegalStateException.class, () -> alert.pause(NOW));
    }

    @Test
    @DisplayName("an alert to nobody is sent at once")
    void emptyAudience() {
        Alert alert = bilingual();
        alert.startSending(0, null, NOW);
        assertEquals(AlertState.SENT, alert.getState());
        assertEquals(NOW, alert.getFinishedAt());
    }

    @Test
    @DisplayName("a schedule must lie ahead; it freezes the alert with its version choice until cancelled")
    void scheduling() {
        Alert alert = draft(new LocalizedText("Vigil", null), new LocalizedText("<p>Vigil.</p>", null));
        assertThrows(IllegalArgumentException.class, () -> alert.schedule(NOW, Language.EN, NOW));
        assertThrows(
                IllegalStateException.class,
                () -> alert.schedule(NOW.plusSeconds(60), null, NOW),
                "incomplete in Spanish, and no single version chosen");
        assertTrue(alert.isDraft());

        Instant at = NOW.plus(Duration.ofHours(2));
        alert.schedule(at, Language.EN, NOW);
        assertTrue(alert.isScheduled());
        assertEquals(at, alert.getScheduledAt());
        assertThrows(IllegalStateException.class, () -> alert.schedule(at, Language.EN, NOW), "scheduled once");

        alert.cancelSchedule(NOW);
        assertTrue(alert.isDraft());
        assertNull(alert.getScheduledAt());
        assertNull(alert.getOnlyLanguage(), "the version choice goes with the schedule");
        assertThrows(IllegalStateException.class, () -> alert.cancelSchedule(NOW));
    }

    @Test
    @DisplayName("a scheduled alert starts with the version chosen when it was scheduled, whatever the engine passes")
    void scheduledStartKeepsItsChoice() {
        Alert alert = draft(new LocalizedText("Vigil", null), new LocalizedText("<p>Vigil.</p>", null));
        alert.schedule(NOW.plusSeconds(3600), Language.EN, NOW);

        assertEquals(Language.EN, alert.requireStartable(null));
        alert.startSending(5, null, NOW.plusSeconds(3600));
        assertEquals(AlertState.SENDING, alert.getState());
        assertEquals(Language.EN, alert.getOnlyLanguage());
    }

    @Test
    @DisplayName("sent, sending and paused alerts cannot be started or scheduled again")
    void noRestart() {
        Alert alert = bilingual();
        alert.startSending(1, null, NOW);
        assertThrows(IllegalStateException.class, () -> alert.requireStartable(null));
        assertThrows(IllegalStateException.class, () -> alert.schedule(NOW.plusSeconds(60), null, NOW));
        alert.finish(NOW);
        assertThrows(IllegalStateException.class, () -> alert.requireStartable(null));
        assertThrows(IllegalStateException.class, () -> alert.cancelSchedule(NOW));
    }

    @Test
    @DisplayName("staff write {first_name} or {nombre}: each recipient's first name goes in its place, trimmed")
    void mergesTheFirstName() {
        assertEquals("Hi, Rosa!", MergeFields.plain("Hi, {first_name}!", " Rosa ", "friend"));
        assertEquals("Hola, Rosa.", MergeFields.plain("Hola, {nombre}.", "Rosa", "simpatizante"));
        assertEquals("Hola, Rosa.", MergeFields.plain("Hola, {Nombre}.", "Rosa", "simpatizante"));
        assertEquals("<p>Rosa y Rosa</p>", MergeFields.html("<p>{first_name} y {nombre}</p>", "Rosa", "x"));
        // The sanitizer may hand braces back as character references.
        assertEquals("<p>Hola, Rosa</p>", MergeFields.html("<p>Hola, &#123;nombre&#125;</p>", "Rosa", "x"));
        assertEquals("No token here", MergeFields.plain("No token here", "Rosa", "friend"));
        assertNull(MergeFields.plain(null, "Rosa", "friend"));
    }

    @Test
    @DisplayName("a recipient whose first name is unknown or blank is greeted with the fallback")
    void fallsBackWhenTheNameIsUnknown() {
        assertEquals("Hi, friend!", MergeFields.plain("Hi, {first_name}!", null, "friend"));
        assertEquals("Hola, simpatizante.", MergeFields.plain("Hola, {nombre}.", "   ", "simpatizante"));
        assertEquals("<p>Hola, amistades</p>", MergeFields.html("<p>Hola, {nombre}</p>", "", "amistades"));
    }

    @Test
    @DisplayName("a name with markup is escaped in the HTML part and left as written in the plain text")
    void escapesTheNameInHtml() {
        assertEquals(
                "<p>Hi, &lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Lu&quot;</p>",
                MergeFields.html("<p>Hi, {first_name}</p>", "<b>Ana</b> & \"Lu\"", "friend"));
        assertEquals("Hi, <b>Ana</b>", MergeFields.plain("Hi, {first_name}", "<b>Ana</b>", "friend"));
        assertEquals("<p>&lt;i&gt;amig@&lt;/i&gt;</p>", MergeFields.html("<p>{nombre}</p>", null, "<i>amig@</i>"));
    }

    @Test
    @DisplayName("an unknown word in braces stays visible as written and is named for a warning")
    void leavesUnknownTokensVisible() {
        assertEquals("Dear {apellido}, Rosa", MergeFields.plain("Dear {apellido}, {nombre}", "Rosa", "x"));
        assertEquals(
                java.util.List.of("{apellido}", "{city}"),
                java.util.List.copyOf(MergeFields.unknown("{apellido} {first_name} {city} {apellido} { } {}")));
        assertTrue(MergeFields.unknown("Hola, {nombre}").isEmpty());
        assertTrue(MergeFields.unknown(null).isEmpty());
    }

    @Test
    @DisplayName("a test to staff uses the first word of their account's name")
    void testSendUsesTheFirstWordOfTheStaffName() {
        assertEquals("María", AlertService.firstWord("  María José Pérez "));
        assertNull(AlertService.firstWord(" "));
        assertNull(AlertService.firstWord(null));
    }
}
