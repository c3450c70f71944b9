package org.puente.supporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;

@DisplayName("A supporter: consent, suppression, language and links")
class SupporterConsentTest {

    private static final Instant SIGNED_UP = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-04-15T18:30:00Z");

    static Supporter subscribed() {
        Supporter rosa = new Supporter("Rosa.Mamani@Example.org", "rosa.mamani@example.org", SIGNED_UP);
        rosa.consent("Rosa", "Mamani", "79901", "US", Language.ES, "petition:reunite-families-now", SIGNED_UP);
        return rosa;
    }

    @Test
    @DisplayName("a consent subscribes the person in the language they chose, and keeps when and where it was given")
    void consentSubscribes() {
        Supporter rosa = subscribed();
        assertEquals(SupporterStatus.SUBSCRIBED, rosa.getStatus());
        assertEquals(Language.ES, rosa.getLanguage());
        assertEquals(SIGNED_UP, rosa.getConsentAt());
        assertEquals("petition:reunite-families-now", rosa.getConsentSource());
        assertEquals("Rosa.Mamani@Example.org", rosa.getEmail(), "the address as typed, for mail");
        assertEquals("rosa.mamani@example.org", rosa.getEmailCanonical());
        assertEquals(SIGNED_UP, rosa.getCreatedAt());
        assertEquals(SIGNED_UP, rosa.getUpdatedAt());
    }

    @Test
    @DisplayName("before any consent a person is not subscribed")
    void noConsentNoStatus() {
        Supporter unknown = new Supporter("a@example.org", "a@example.org", SIGNED_UP);
        assertNull(unknown.getStatus());
        assertNull(unknown.getConsentAt());
    }

    @Test
    @DisplayName("unsubscribing, a bounce or a complaint suppresses every alert; SUBSCRIBED is no reason to suppress")
    void suppression() {
        for (SupporterStatus why :
                new SupporterStatus[] {SupporterStatus.UNSUBSCRIBED, SupporterStatus.BOUNCED, SupporterStatus.COMPLAINED
                }) {
            Supporter rosa = subscribed();
            rosa.suppress(why, LATER);
            assertEquals(why, rosa.getStatus());
            assertEquals(LATER, rosa.getUpdatedAt());
            assertEquals(SIGNED_UP, rosa.getConsentAt(), "the consent on record stays as it was given");
        }
        Supporter rosa = subscribed();
        assertThrows(IllegalArgumentException.class, () -> rosa.suppress(SupporterStatus.SUBSCRIBED, LATER));
        assertEquals(SIGNED_UP, rosa.getUpdatedAt(), "a refused change changes nothing");
    }

    @Test
    @DisplayName("a fresh consent after unsubscribing subscribes again, with the new details, time and source")
    void newConsentResubscribes() {
        Supporter rosa = subscribed();
        rosa.suppress(SupporterStatus.UNSUBSCRIBED, LATER);
        Instant again = LATER.plusSeconds(3600);
        rosa.consent("Rosa María", "Mamani", null, "MX", Language.EN, "import: lista.csv", again);
        assertEquals(SupporterStatus.SUBSCRIBED, rosa.getStatus());
        assertEquals("Rosa María", rosa.getFirstName());
        assertNull(rosa.getPostalCode());
        assertEquals("MX", rosa.getCountry());
        assertEquals(Language.EN, rosa.getLanguage());
        assertEquals(again, rosa.getConsentAt());
        assertEquals("import: lista.csv", rosa.getConsentSource());
    }

    @Test
    @DisplayName("changing the language changes only the language (and when the record changed)")
    void changeLanguage() {
        Supporter rosa = subscribed();
        rosa.changeLanguage(Language.EN, LATER);
        assertEquals(Language.EN, rosa.getLanguage());
        assertEquals(LATER, rosa.getUpdatedAt());
        assertEquals(SupporterStatus.SUBSCRIBED, rosa.getStatus());
        assertEquals(SIGNED_UP, rosa.getConsentAt());
    }

    @Test
    @DisplayName("revoking the links moves their generation on, so every link given out before stops working")
    void revokeLinks() {
        Supporter rosa = subscribed();
        int before = rosa.getLinkGeneration();
        rosa.revokeLinks(LATER);
        assertEquals(before + 1, rosa.getLinkGeneration());
        rosa.revokeLinks(LATER);
        assertEquals(before + 2, rosa.getLinkGeneration());
        assertEquals(LATER, rosa.getUpdatedAt());
    }
}
