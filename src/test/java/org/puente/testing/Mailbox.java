package org.puente.testing;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.puente.embedded.DevMailbox;

/** Reads what the portal really sent, from the GreenMail SMTP server the tests share. */
public final class Mailbox {

    private Mailbox() {}

    /** Waits for messages to one address (confirmation links go out from a queue after their transaction commits). */
    public static List<MimeMessage> to(String address, int atLeast) throws Exception {
        Await.holds(
                Duration.ofSeconds(15),
                Duration.ofMillis(100),
                () -> received(address).size() >= atLeast);
        return received(address);
    }

    /**
     * Every message to one address once the portal's mail queue is idle: nothing committed is still waiting,
     * being sent or between retries. For "no mail was sent" and "exactly n mails": a mail still queued when
     * the test asks cannot arrive after the assertion. Fails when the queue does not drain in time.
     */
    public static List<MimeMessage> settledTo(URI base, String address) throws Exception {
        awaitIdleQueue(base);
        return received(address);
    }

    /** Waits until the portal's mail queue has sent (or given up) every message committed so far. */
    public static void awaitIdleQueue(URI base) throws Exception {
        WebSession hook = new WebSession(base);
        Await.until("the portal's mail queue to drain", Duration.ofSeconds(30), Duration.ofMillis(50), () -> {
            WebSession.Page answer = hook.get("/test/mail-queue");
            if (answer.status() != 200) {
                throw new IllegalStateException(
                        "No mail queue hook (" + answer.status() + "): deploy Deployments.portal()");
            }
            return answer.body().contains("\"idle\":true");
        });
    }

    private static List<MimeMessage> received(String address) {
        return Arrays.stream(TestEnvironment.mail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
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
        Matcher matcher = Pattern.compile(Pattern.quote(TestEnvironment.BASE_URL + pathPrefix) + "\\S+")
                .matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no link to " + pathPrefix + " in:\n" + text);
        }
        return matcher.group().substring(TestEnvironment.BASE_URL.length());
    }
}
