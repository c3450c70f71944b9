package org.puente.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every message that counts something agrees with its count: "1 signature", "2 signatures", "1 firma",
 * "2 firmas". Each message of the bundle is formatted with every argument set to 1 and then to 2 (and to 0),
 * and the result must not put a counted noun in the wrong number next to the figure. A new message written
 * as "{0} signatures" fails here until it gets a plural form ({@code {0,choice,0#…|1#…|1<…}}, the JDK's
 * plural form, which {@code h:outputFormat} and {@link Messages} both understand).
 */
@DisplayName("Messages that show a count have singular and plural forms")
class PluralFormsTest {

    /** Counted nouns, singular and plural, as they follow a figure in the bundles (and may in new messages). */
    private static final String[][] NOUNS_EN = {
        {"signature", "signatures"},
        {"supporter", "supporters"},
        {"person", "people"},
        {"day", "days"},
        {"hour", "hours"},
        {"minute", "minutes"},
        {"second", "seconds"},
        {"row", "rows"},
        {"message", "messages"},
        {"character", "characters"},
        {"megapixel", "megapixels"},
        {"alert", "alerts"},
        {"petition", "petitions"},
        {"organization", "organizations"},
        {"recipient", "recipients"},
        {"editor", "editors"},
        {"key", "keys"},
        {"mail", "mails"},
        {"e-mail", "e-mails"},
        {"time", "times"},
        {"file", "files"},
        {"event", "events"},
        {"statement", "statements"},
        {"invitation", "invitations"},
    };

    private static final String[][] NOUNS_ES = {
        {"firma", "firmas"},
        {"simpatizante", "simpatizantes"},
        {"persona", "personas"},
        {"día", "días"},
        {"hora", "horas"},
        {"minuto", "minutos"},
        {"segundo", "segundos"},
        {"fila", "filas"},
        {"mensaje", "mensajes"},
        {"carácter", "caracteres"},
        {"megapíxel", "megapíxeles"},
        {"alerta", "alertas"},
        {"petición", "peticiones"},
        {"organización", "organizaciones"},
        {"destinatario", "destinatarios"},
        {"editor", "editores"},
        {"clave", "claves"},
        {"correo", "correos"},
        {"vez", "veces"},
        {"archivo", "archivos"},
        {"evento", "eventos"},
        {"declaración", "declaraciones"},
        {"invitación", "invitaciones"},
    };

    /** A placeholder that is a plain argument, a number, or a choice (the rest, like dates, count nothing). */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(?:,(?:number|choice)[^}]*)?");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCountAgreesWithItsNoun(Language language) throws Exception {
        Properties bundle = BundlesTest.load("/org/puente/i18n/messages_" + language.code() + ".properties");
        String[][] nouns = language == Language.ES ? NOUNS_ES : NOUNS_EN;
        List<String> wrong = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String pattern = bundle.getProperty(key);
            int arguments = argumentCount(pattern);
            if (arguments == 0) {
                continue;
            }
            for (int figure : new int[] {0, 1, 2}) {
                String text = format(pattern, language, arguments, figure);
                if (text == null) {
                    continue;
                }
                for (String[] noun : nouns) {
                    String mismatched = figure == 1 ? noun[1] : noun[0];
                    if (followsFigure(text, figure, mismatched)) {
                        wrong.add(key + " (" + figure + "): " + text);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "Counts without a plural form:\n" + String.join("\n", wrong));
    }

    @Test
    @DisplayName("the check finds a count written without a plural form, in each language")
    void theCheckFindsAMissingPluralForm() {
        assertTrue(followsFigure(format("{0} confirmed signatures", Language.EN, 1, 1), 1, "signatures"));
        assertTrue(followsFigure(format("Se liberaron {0} firmas retenidas.", Language.ES, 1, 1), 1, "firmas"));
        assertEquals("1 firma", format("{0,choice,0#{0} firmas|1#{0} firma|1<{0} firmas}", Language.ES, 1, 1));
    }

    @Test
    @DisplayName("numbers keep the reader's grouping inside a plural form")
    void groupingInsidePluralForms() {
        assertEquals("Ahora mismo son 12.480 personas.", Messages.get(Language.ES, "admin.alert.size", 12480));
        assertEquals("The audience holds 1 supporter right now.", Messages.get(Language.EN, "admin.alert.size", 1));
        assertEquals("3 of 1,000 signatures", Messages.get(Language.EN, "petition.count", 3, 1000));
        assertEquals("0 de 1 firma", Messages.get(Language.ES, "petition.count", 0, 1));
    }

    private static int argumentCount(String pattern) {
        int count = 0;
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            count = Math.max(count, Integer.parseInt(matcher.group(1)) + 1);
        }
        return count;
    }

    /** The message with every argument set to {@code figure}; null when an argument is not a number. */
    private static String format(String pattern, Language language, int arguments, int figure) {
        Object[] values = new Object[arguments];
        Arrays.fill(values, figure);
        try {
            return new MessageFormat(pattern, language.locale()).format(values);
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    /** Whether the noun follows the figure directly or after one word ("1 held signatures", not "2 per second"). */
    private static boolean followsFigure(String text, int figure, String noun) {
        return Pattern.compile(
                        "(?<![\\d.,])" + figure
                                + "\\s+(?:(?!(?:per|por|of|de|a|an|the|la|el|each|cada)\\s)\\p{L}+\\s+)?"
                                + Pattern.quote(noun) + "(?!\\p{L})",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text)
                .find();
    }
}
