package org.puente.platform.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import org.puente.platform.config.PuenteConfig;

/**
 * Sends mail through the configured SMTP server ({@code PUENTE_SMTP_*}). Every message is
 * {@code multipart/alternative} (plain text and HTML) in one language, with its subject encoded for
 * accents, a {@code Message-ID} on the portal's own domain, and timeouts set: Jakarta Mail's
 * defaults would wait forever on a silent server.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    /** A server that does not accept the connection within this is down. */
    private static final String CONNECT_TIMEOUT_MS = "5000";
    /**
     * A server silent this long in the middle of a conversation is stuck: the message waits in the outbox (or
     * the delivery is retried) rather than hold a worker longer.
     */
    private static final String TIMEOUT_MS = "10000";

    @Inject
    Clock clock;

    @Inject
    PuenteConfig config;

    /** Open connections waiting for the next pooled message. */
    private final BlockingQueue<Idle> idle = new ArrayBlockingQueue<>(MailQueue.WORKERS);

    /**
     * An open connection back in the pool, and when it was put there. Servers close connections left idle
     * (GreenMail and Postfix after 30 s or more, answering "421" to the next command): one idle longer than
     * {@link #MAX_IDLE_MILLIS} is closed instead of tried, so that a retry never meets the same dead socket.
     */
    private record Idle(Transport transport, long since) {}

    static final long MAX_IDLE_MILLIS = 15_000;

    private Session session;
    private String messageIdDomain;

    /** Jakarta Mail's name for its stream provider, and Angus Mail's (the implementation Payara ships). */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @PostConstruct
    void init() {
        nameStreamProvider();
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", config.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(config.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", CONNECT_TIMEOUT_MS);
        properties.put("mail.smtp.timeout", TIMEOUT_MS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MS);
        properties.put("mail.smtp.starttls.enable", String.valueOf(config.smtpStartTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(config.smtpStartTls()));
        properties.put("mail.mime.charset", "UTF-8");
        Authenticator authenticator = null;
        if (config.smtpUser().isPresent()) {
            properties.put("mail.smtp.auth", "true");
            String user = config.smtpUser().get();
            String password = config.smtpPassword().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
        messageIdDomain = URI.create(config.baseUrl()).getHost();
        if (messageIdDomain == null || messageIdDomain.isBlank()) {
            messageIdDomain = "puente.localhost";
        }
    }

    /** Sends one message now, on its own connection; a failure is thrown so the caller's transaction can roll back. */
    public void send(OutgoingMail mail) {
        try {
            Transport.send(message(mail));
            LOG.fine(() -> "Sent '" + mail.subject() + "' in " + mail.language());
        } catch (MessagingException e) {
            throw new MailException("Could not send mail: " + e.getMessage(), e);
        }
    }

    /**
     * Sends one message over a pooled, already open SMTP connection (one connection carries many
     * messages), opening one when none is idle. A pooled connection the server has closed meanwhile is
     * replaced once.
     */
    public void sendPooled(OutgoingMail mail) {
        MimeMessage message;
        try {
            message = message(mail);
        } catch (MessagingException e) {
            throw new MailException("Could not build mail: " + e.getMessage(), e);
        }
        Transport transport = fresh();
        boolean reused = transport != null;
        try {
            if (transport == null) {
                transport = connect();
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException refused) {
                if (!reused || !String.valueOf(refused.getMessage()).startsWith("421")) {
                    throw refused; // the server answered about the recipient: the connection is fine, the answer stands
                }
                // 421: the server is closing this (pooled) connection; a new one gets a real answer.
                close(transport);
                transport = connect();
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException stale) {
                if (!reused) {
                    throw stale;
                }
                close(transport);
                transport = connect();
                transport.sendMessage(message, message.getAllRecipients());
            }
            if (!idle.offer(new Idle(transport, clock.millis()))) {
                close(transport);
            }
            transport = null;
        } catch (MessagingException e) {
            throw new MailException("Could not send mail: " + e.getMessage(), e);
        } finally {
            if (transport != null) {
                close(transport);
            }
        }
    }

    /** A pooled connection that has not been idle too long, or null (then a new one is opened). */
    private Transport fresh() {
        for (Idle pooled; (pooled = idle.poll()) != null; ) {
            if (clock.millis() - pooled.since() <= MAX_IDLE_MILLIS) {
                return pooled.transport();
            }
            close(pooled.transport());
        }
        return null;
    }

    private Transport connect() throws MessagingException {
        Transport transport = session.getTransport();
        transport.connect();
        return transport;
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.fine(() -> "Closing an SMTP connection: " + e.getMessage());
        }
    }

    @PreDestroy
    void closeIdle() {
        for (Idle pooled; (pooled = idle.poll()) != null; ) {
            Transport transport = pooled.transport();
            close(transport);
        }
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new PuenteMimeMessage(session, messageIdDomain);
        message.setFrom(new InternetAddress(config.mailFrom()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setHeader("Content-Language", mail.language().code());
        for (var header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.setSentDate(Date.from(clock.instant()));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (mail.attachment() == null) {
            message.setContent(alternative);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart file = new MimeBodyPart();
            // Bytes, not a String: Jakarta Mail has no content handler for text/calendar objects.
            file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                    mail.attachment().content().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    mail.attachment().contentType())));
            file.setFileName(mail.attachment().name());
            file.setDisposition(jakarta.mail.Part.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(file);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /**
     * Jakarta Mail 2.1 looks up its {@code StreamProvider} with {@code ServiceLoader} on every call
     * (jakartaee/mail-api#699, #861): a scan of the class path, serialized on the class loader, several
     * times for every message. Under load (confirmation mails while thousands sign) the scans were the most
     * contended lock in the portal. Naming the implementation makes the lookup a plain class load. Left
     * alone when someone already named one, or when Angus Mail is not the implementation here.
     */
    static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, Session.class.getClassLoader());
            Class.forName(ANGUS_STREAM_PROVIDER, false, Thread.currentThread().getContextClassLoader());
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.fine(() -> "Mail's stream provider is found by ServiceLoader: " + e);
        }
    }

    /** A MimeMessage whose Message-ID names the portal's domain rather than the host's. */
    private static final class PuenteMimeMessage extends MimeMessage {
        private final String domain;

        PuenteMimeMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }
}
