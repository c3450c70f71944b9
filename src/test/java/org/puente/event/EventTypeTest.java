package org.puente.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;

@DisplayName("A type of event: the optional fields its form shows, what the event keeps of the others, its wording")
class EventTypeTest {

    /** A form of the given type with every optional field filled in. */
    static EventForm everything(EventType type) {
        EventForm form = CoalitionEventTest.vigil();
        form.setType(type);
        form.setMaxGuests(3);
        form.setAskPhone(true);
        form.setSecondReminderHours(2);
        form.setNotesEn("Bring water");
        form.setNotesEs("Trae agua");
        form.setLanguages("English, Spanish");
        form.setInterpretation(true);
        form.setContact("events@example.org");
        return form;
    }

    @Test
    @DisplayName("vigils and prayer days ask nobody for a phone; a rally takes no guests; the others show every field")
    void fieldsByType() {
        for (EventType type : EnumSet.of(EventType.VIGIL, EventType.PRAYER)) {
            assertFalse(type.shows(EventField.PHONE), type.name());
            assertTrue(type.shows(EventField.GUESTS), type + ": families come together");
        }
        assertFalse(EventType.RALLY.shows(EventField.GUESTS));
        assertTrue(EventType.RALLY.shows(EventField.PHONE));
        for (EventType type : EnumSet.of(EventType.TRAINING, EventType.MEETING, EventType.OTHER)) {
            assertTrue(Arrays.stream(EventField.values()).allMatch(type::shows), type.name());
        }
        EventForm form = everything(EventType.VIGIL);
        assertFalse(form.shows(EventField.PHONE));
        form.setType(EventType.TRAINING);
        assertTrue(form.shows(EventField.PHONE), "the form follows the chosen type");
    }

    @Test
    @DisplayName("a field the type hides takes no effect, even when the form sends a value for it")
    void hiddenFieldsTakeNoEffect() {
        CoalitionEvent vigil =
                new CoalitionEvent(null, "vigil", everything(EventType.VIGIL).details(), CoalitionEventTest.NOW);
        assertFalse(vigil.isAskPhone(), "no phone asked at a vigil");
        assertEquals(3, vigil.getMaxGuests());
        assertEquals("English, Spanish", vigil.getLanguages());

        CoalitionEvent training = new CoalitionEvent(
                null, "training", everything(EventType.TRAINING).details(), CoalitionEventTest.NOW);
        assertTrue(training.isAskPhone());
        assertEquals(3, training.getMaxGuests());
        assertEquals(2, training.getSecondReminderHours());
        assertEquals("events@example.org", training.getContact());
        assertTrue(training.isInterpretation());
        assertEquals("Trae agua", training.getNotes().es());

        training.revise(everything(EventType.RALLY).details(), CoalitionEventTest.NOW);
        assertEquals(EventType.RALLY, training.getType());
        assertEquals(0, training.getMaxGuests(), "turned into a rally, it lets nobody bring guests");
        assertTrue(training.isAskPhone(), "a rally may ask for a phone");

        training.revise(everything(EventType.PRAYER).details(), CoalitionEventTest.NOW);
        assertFalse(training.isAskPhone(), "and a prayer day asks no more");
        assertEquals(3, training.getMaxGuests());
    }

    @Test
    @DisplayName("every type has the heading and button of its registration form in both languages")
    void wordingByType() {
        for (EventType type : EventType.values()) {
            for (Language language : Language.values()) {
                String heading = "registration.heading." + type.name();
                String button = "registration.submit." + type.name();
                assertFalse(Messages.get(language, heading).isBlank(), heading);
                assertFalse(Messages.get(language, button).isBlank(), button);
            }
        }
        assertEquals("Register for the training", Messages.get(Language.EN, "registration.heading.TRAINING"));
        assertEquals("Voy a ir", Messages.get(Language.ES, "registration.submit.VIGIL"));
    }
}
