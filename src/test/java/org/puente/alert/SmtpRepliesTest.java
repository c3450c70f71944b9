package org.puente.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading the SMTP server's reply out of a failed send")
class SmtpRepliesTest {

    @Test
    @DisplayName("a refused recipient, kept as the next exception of the send failure, gives its 5xx code")
    void refusedRecipientInsideTheSendFailure() throws Exception {
        var refused = new SMTPAddressFailedException(
                new InternetAddress("nobody@example.org"), "RCPT TO", 550, "550 5.1.1 mailbox unavailable");
        var failure = new SendFailedException("Invalid Addresses", refused);

        assertEquals(550, SmtpReplies.code(failure));
        assertEquals(
                "550 5.1.1 mailbox unavailable",
                SmtpReplies.describe(failure, 550),
                "the code is not repeated when the server's text starts with it");
    }

    @Test
    @DisplayName("a temporary refusal of the message gives its 4xx code, prefixed to a text that lacks it")
    void temporaryRefusal() {
        var failure = new SMTPSendFailedException("DATA", 451, "try again later", null, null, null, null);

        assertEquals(451, SmtpReplies.code(failure));
        assertEquals("451 try again later", SmtpReplies.describe(failure, 451));
    }

    @Test
    @DisplayName("a server that cannot be reached gave no reply: code 0, and the root cause's message")
    void noReply() {
        var failure = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));

        assertEquals(0, SmtpReplies.code(failure));
        assertEquals("Connection refused", SmtpReplies.describe(failure, 0));
    }

    @Test
    @DisplayName("a failure without any message is described by its type")
    void noMessage() {
        assertEquals("IllegalStateException", SmtpReplies.describe(new IllegalStateException(), 0));
        assertEquals(0, SmtpReplies.code(new IllegalStateException()));
    }

    @Test
    @DisplayName("an exception that is its own next exception does not loop")
    void selfChained() {
        var failure = new MessagingException("odd");
        failure.setNextException(failure);

        assertEquals(0, SmtpReplies.code(failure));
        assertEquals("odd", SmtpReplies.describe(failure, 0));
    }
}
