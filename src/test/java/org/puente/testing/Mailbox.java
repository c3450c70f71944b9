package org.puente.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.embedded.DevMailbox;

/** Reads what the portal really sent, from the GreenMail SMTP server the tests share. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Waits for messages to one address (confirmation links go out from a queue after their transaction commits). */
    public static List<MimeMessage> to(String address, int atLeast) throws Exception {
        GreenMail mail = TestEnvironment.mail();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<MimeMessage> found = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (found.size() >= atLeast || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    public static List<MimeMessage> to(String address) throws Exception {
        return to(address, 1);
    }

    public static String part(Message message, String type) throws Exception {
        String part = DevMailbox.part(message, type);
        if (part.isEmpty()) {
            throw new AssertionError("no " + type + " part in " + message.getSubject());
        }
        return part;
    }

    /** The path and query of the first link in the text part that starts with the portal's base URL. */
    public static String link(Message message, String pathPrefix) throws Exception {
        String text = part(message, "text/plain");
        Matcher matcher = Pattern.compile(Pattern.quote(TestEnvironment.BASE_URL + pathPrefix) + "\\S+").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no link to " + pathPrefix + " in:\n" + text);
        }
        return matcher.group().substring(TestEnvironment.BASE_URL.length());
    }
}
