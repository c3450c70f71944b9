package org.puente.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded run's dev mailbox shows every caught mail with both parts")
class DevMailboxTest {

    GreenMail greenMail;
    DevMailbox mailbox;
    int smtpPort = Ports.free();
    int webPort = Ports.free();
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        mailbox = new DevMailbox(greenMail, webPort);
        mailbox.start();
    }

    @AfterEach
    void stop() {
        mailbox.stop();
        greenMail.stop();
    }

    String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    @Test
    @DisplayName("a sent message appears with recipient, subject, text part and HTML part, escaped")
    void showsMessages() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("puente@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("rosa@example.org"));
        message.setSubject("Invitación <para> Rosa", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hola Rosa, sigue el enlace.", "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Hola <b>Rosa</b></p>", "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        Transport.send(message);

        String list = get("/?lang=es");
        assertTrue(list.contains("Buzón de desarrollo"), list);
        assertTrue(list.contains("rosa@example.org"), list);
        assertTrue(list.contains("Invitación &lt;para&gt; Rosa"), "subjects are escaped: " + list);

        String shown = get("/messages/0?lang=en");
        assertTrue(shown.contains("Hola Rosa, sigue el enlace."), shown);
        assertTrue(shown.contains("Plain-text part") && shown.contains("HTML part"), shown);
        assertTrue(get("/messages/0/html").contains("<p>Hola <b>Rosa</b></p>"), "the HTML part, sandboxed");
    }
}
