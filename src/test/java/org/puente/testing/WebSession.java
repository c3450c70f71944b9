package org.puente.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One visitor talking HTTP to the deployed portal: keeps cookies like a browser, fills and submits
 * the real JSF forms (hidden fields and view state included) and follows Post-Redirect-Get.
 */
public final class WebSession {

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String acceptLanguage;
    private String forwardedFor;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public WebSession(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public WebSession acceptLanguage(String value) {
        this.acceptLanguage = value;
        return this;
    }

    /** Sends {@code X-Forwarded-For}, as a reverse proxy would for a visitor at that address. */
    public WebSession forwardedFor(String address) {
        this.forwardedFor = address;
        return this;
    }

    /**
     * Poses as a visitor at an address of its own ({@link ClientAddresses}), unless an address was already
     * chosen: what this session does then counts against no other test's client.
     */
    public WebSession ownClientAddress() {
        if (forwardedFor == null) {
            forwardedFor = ClientAddresses.next();
        }
        return this;
    }

    /** Sends this header on every later request, as a browser sends {@code Origin} on its form posts. */
    public WebSession header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /**
     * Fills the form with the given id and presses the named button. Unnamed fields keep their values;
     * names are relative to the form unless they contain ':' or start with '=' (a raw request parameter).
     */
    public Page submit(Page page, String formId, Map<String, String> values, String button) {
        Element form = page.document().getElementById(formId);
        Map<String, String> fields = fields(page, formId);
        values.forEach((name, value) -> fields.put(
                name.startsWith("=") ? name.substring(1) : name.contains(":") ? name : formId + ":" + name, value));
        String buttonName = button.contains(":") ? button : formId + ":" + button;
        fields.put(buttonName, buttonName);
        String action = form.attr("action");
        if (form.attr("enctype").startsWith("multipart/")) {
            return postMultipart(action, fields, Map.of());
        }
        return postForm(action, fields);
    }

    public Page postForm(String path, Map<String, String> fields) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))));
    }

    /** A body of any type (JSON for the API), as a partner tool sends it. */
    public Page postBody(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The same form sent without a length ({@code Transfer-Encoding: chunked}), as a streaming client sends it. */
    public Page postFormChunked(String path, Map<String, String> fields) {
        byte[] body = urlEncoded(fields).getBytes(StandardCharsets.UTF_8);
        return send(request(path)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    /**
     * Posts the fields as JSF's Ajax script does ({@code Faces-Request: partial/ajax}): the answer is a
     * partial response (XML), not a page.
     */
    public Page postAjax(String path, Map<String, String> fields) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))));
    }

    private static String urlEncoded(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** A multipart post; {@code files} maps field name to (file name, bytes). */
    public Page postMultipart(String path, Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----puente" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                                + "\"\r\n\r\n" + field.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, Map.Entry<String, byte[]>> file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                                + "\"; filename=\"" + file.getValue().getKey()
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue().getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Submits a multipart form: its current fields, then {@code values} (names relative to the form, or raw). */
    public Page submitWithFiles(
            Page page,
            String formId,
            Map<String, String> values,
            String button,
            Map<String, Map.Entry<String, byte[]>> files) {
        Map<String, String> fields = fields(page, formId);
        values.forEach(
                (name, value) -> fields.put(name.startsWith("=") ? name.substring(1) : formId + ":" + name, value));
        fields.put(formId + ":" + button, formId + ":" + button);
        return postMultipart(page.document().getElementById(formId).attr("action"), fields, files);
    }

    /** The fields a browser would send for the form as it stands (no buttons, no files, only ticked boxes). */
    public static Map<String, String> fields(Page page, String formId) {
        Element form = page.document().getElementById(formId);
        if (form == null) {
            throw new AssertionError("No form '" + formId + "' on " + page.uri() + ":\n" + page.text());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (type.equals("submit")
                    || type.equals("button")
                    || type.equals("file")
                    || ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked"))) {
                continue;
            }
            String value = input.tagName().equals("textarea")
                    ? input.wholeText()
                    : input.tagName().equals("select")
                            ? Optional.ofNullable(input.selectFirst("option[selected]"))
                                    .or(() -> Optional.ofNullable(input.selectFirst("option")))
                                    .map(o -> o.attr("value"))
                                    .orElse("")
                            : input.attr("value");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("value")) {
                value = "on"; // what a browser sends for a ticked box without a value
            }
            fields.put(input.attr("name"), value);
        }
        // What PrimeFaces' script does in a browser: post back the page's CSP nonce.
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)")
                .matcher(page.body());
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        return fields;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private HttpRequest.Builder request(String path) {
        URI uri = path.startsWith("http")
                ? URI.create(path)
                : base.resolve(path.startsWith("/") ? path.substring(1) : path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.uri(),
                    response.statusCode(),
                    response.headers().map(),
                    response.body(),
                    Jsoup.parse(response.body(), response.uri().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, parsed. */
    public record Page(URI uri, int status, Map<String, List<String>> headers, String body, Document document) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        public List<String> allHeaders(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        public String text() {
            return document.body() == null ? body : document.body().text();
        }

        public String lang() {
            return document.selectFirst("html").attr("lang");
        }

        /** The text of every message shown (global and per field). */
        public String messages() {
            return document.select(".ui-messages, .ui-message, .field-error, .notice")
                    .text();
        }
    }
}
