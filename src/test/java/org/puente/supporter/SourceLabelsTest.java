package org.puente.supporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.i18n.Language;

@DisplayName("Recorded sources of consent are shown in the reader's language")
class SourceLabelsTest {

    @Test
    @DisplayName(
            "the sources the portal records read as Spanish on the Spanish page, and as English on the English one")
    void sourcesInBothLanguages() {
        assertEquals("Datos de demostración", SourceLabels.in(Language.ES, "demo data"));
        assertEquals("Demo data", SourceLabels.in(Language.EN, "demo data"));
        assertEquals(
                "Enlace para dejar de recibir alertas en un correo", SourceLabels.in(Language.ES, "unsubscribe link"));
        assertEquals("Enlace de la alerta 42", SourceLabels.in(Language.ES, "alert 42"));
        assertEquals("Alerta 42: 550 no such user", SourceLabels.in(Language.ES, "alert 42: 550 no such user"));
        assertEquals(
                "Firmó la petición reunite-families-now",
                SourceLabels.in(Language.ES, "petition:reunite-families-now"));
        assertEquals("Importación de lista.csv", SourceLabels.in(Language.ES, "import: lista.csv"));
        assertEquals("Cambio del equipo (ana@example.org)", SourceLabels.in(Language.ES, "staff: ana@example.org"));
        assertEquals("Su página de preferencias", SourceLabels.in(Language.ES, "preferences link"));
        assertEquals("something older", SourceLabels.in(Language.ES, "something older"));
    }
}
