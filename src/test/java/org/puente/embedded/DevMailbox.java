package org.puente.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Optional;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;

/**
 * The embedded run's mailbox: a small web view of every message the mail catcher (GreenMail) has
 * received, with subject, recipient, and both the text and HTML parts. Bound to 127.0.0.1 only.
 */
public final class DevMailbox {

    private final GreenMail greenMail;
    private final HttpServer server;

    public DevMailbox(GreenMail greenMail, int port) throws IOException {
        this.greenMail = greenMail;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            Language language = Language.parse(query.replaceAll(".*lang=([a-z]{2}).*", "$1"))
                    .or(() -> Language.parse(exchange.getRequestHeaders().getFirst("Accept-Language")))
                    .orElse(Language.EN);
            MimeMessage[] messages = greenMail.getReceivedMessages();
            if (path.equals("/")) {
                send(exchange, 200, "text/html", list(messages, language));
            } else if (path.matches("/messages/\\d+/html") && index(path) < messages.length) {
                exchange.getResponseHeaders()
                        .set(
                                "Content-Security-Policy",
                                "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                send(exchange, 200, "text/html", part(messages[index(path)], "text/html"));
            } else if (path.matches("/messages/\\d+") && index(path) < messages.length) {
                send(exchange, 200, "text/html", show(messages[index(path)], index(path), language));
            } else {
                send(exchange, 404, "text/plain", "404");
            }
        } catch (Exception e) {
            send(exchange, 500, "text/plain", String.valueOf(e));
        }
    }

    private static int index(String path) {
        return Integer.parseInt(path.split("/")[2]);
    }

    private String list(MimeMessage[] messages, Language language) throws Exception {
        StringBuilder html = page(language, Messages.get(language, "devmailbox.title"));
        html.append("<h1>")
                .append(esc(Messages.get(language, "devmailbox.title")))
                .append("</h1><p>")
                .append(esc(Messages.get(language, "devmailbox.count", messages.length)))
                .append("</p><table><thead><tr><th>")
                .append(esc(Messages.get(language, "devmailbox.received")))
                .append("</th><th>")
                .append(esc(Messages.get(language, "devmailbox.to")))
                .append("</th><th>")
                .append(esc(Messages.get(language, "devmailbox.subject")))
                .append("</th></tr></thead><tbody>");
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage message = messages[i];
            html.append("<tr><td>")
                    .append(message.getSentDate() == null ? "" : format.format(message.getSentDate()))
                    .append("</td><td>")
                    .append(esc(recipients(message)))
                    .append("</td><td><a href=\"/messages/")
                    .append(i)
                    .append("?lang=")
                    .append(language.code())
                    .append("\">")
                    .append(esc(String.valueOf(message.getSubject())))
                    .append("</a></td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    private String show(MimeMessage message, int index, Language language) throws Exception {
        StringBuilder html = page(language, String.valueOf(message.getSubject()));
        html.append("<p><a href=\"/?lang=")
                .append(language.code())
                .append("\">")
                .append(esc(Messages.get(language, "devmailbox.back")))
                .append("</a></p><h1>")
                .append(esc(String.valueOf(message.getSubject())))
                .append("</h1><dl><dt>")
                .append(esc(Messages.get(language, "devmailbox.to")))
                .append("</dt><dd>")
                .append(esc(recipients(message)))
                .append("</dd><dt>From</dt><dd>")
                .append(esc(Arrays.toString(message.getFrom())))
                .append("</dd>");
        for (String header : new String[] {"Message-ID", "Content-Language", "Date"}) {
            String value = message.getHeader(header, ", ");
            html.append("<dt>")
                    .append(header)
                    .append("</dt><dd>")
                    .append(esc(String.valueOf(value)))
                    .append("</dd>");
        }
        html.append("</dl><h2>")
                .append(esc(Messages.get(language, "devmailbox.text")))
                .append("</h2><pre>")
                .append(esc(part(message, "text/plain")))
                .append("</pre><h2>")
                .append(esc(Messages.get(language, "devmailbox.html")))
                .append("</h2><iframe title=\"HTML\" src=\"/messages/")
                .append(index)
                .append("/html\" sandbox></iframe></body></html>");
        return html.toString();
    }

    private static StringBuilder page(Language language, String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(language.code())
                .append(
                        "\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(esc(title))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:1rem auto;"
                        + "max-width:60rem;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:"
                        + "1px solid #ddd;padding:.4rem;text-align:left}pre{white-space:pre-wrap;background:#f4f4f5;"
                        + "padding:1rem}iframe{width:100%;height:36rem;border:1px solid #ddd}dt{font-weight:bold}</style>"
                        + "</head><body>");
    }

    private static String recipients(Message message) throws Exception {
        return Arrays.toString(message.getAllRecipients());
    }

    /** The first body part of the given type, decoded; empty when there is none. */
    public static String part(Message message, String type) throws Exception {
        return part((jakarta.mail.Part) message, type);
    }

    /** The first part of a type, looked for through nested multiparts (a mail with an attachment nests its text). */
    private static String part(jakarta.mail.Part message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return "";
        }
        if (!message.isMimeType(type)) {
            return "";
        }
        if (content instanceof java.io.InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return String.valueOf(content);
    }

    private static String esc(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
