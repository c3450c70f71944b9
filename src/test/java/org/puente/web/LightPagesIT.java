package org.puente.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.puente.testing.Deployments;

/**
 * The public pages are light: what a first-time visitor's phone downloads for each of them, compressed as a
 * browser asks for it, stays within the budget of the light-pages issue (50 KB and 6 requests, pictures of a
 * petition aside), and none of it is PrimeFaces. Static files are cached for a year under a versioned address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Public pages for cheap phones on slow networks")
class LightPagesIT {

    static final int BUDGET_BYTES = 50 * 1024;
    static final int BUDGET_REQUESTS = 6;
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    /** HTTP/1.1 as browsers speak it to a server without TLS (no h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** One response as it crossed the network: its compressed size and its headers. */
    record Transfer(String path, int status, long bytes, HttpResponse<byte[]> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Transfer fetch(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(path))
                .header("Accept-Encoding", "gzip, br")
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 10) LightPagesIT")
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long headers = response.headers().map().entrySet().stream()
                .mapToLong(e -> e.getKey().length()
                        + e.getValue().stream().mapToLong(v -> v.length() + 4).sum())
                .sum();
        return new Transfer(path, response.statusCode(), response.body().length + headers, response);
    }

    static String html(Transfer page) throws Exception {
        byte[] body = page.response().body();
        if ("gzip".equals(page.header("Content-Encoding"))) {
            body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Everything a browser would fetch for the page on a first visit, pictures of the petition aside. */
    static Set<String> subresources(Document page) {
        Set<String> found = new LinkedHashSet<>();
        for (Element link : page.select("link[rel=stylesheet], link[rel=icon], link[rel=preload]")) {
            found.add(link.attr("href"));
        }
        for (Element script : page.select("script[src]")) {
            found.add(script.attr("src"));
        }
        for (Element image : page.select("img[src]")) {
            // A petition's picture is outside the budget; logos the browser loads only as the visitor scrolls
            // to them (loading=lazy) are not part of the first view.
            if (!image.attr("src").contains("/petition-images/")
                    && !image.attr("loading").equals("lazy")) {
                found.add(image.attr("src"));
            }
        }
        return found;
    }

    record Weight(long bytes, int requests, List<String> paths) {}

    Weight weigh(String path) throws Exception {
        Transfer page = fetch(path);
        assertEquals(200, page.status(), path);
        assertEquals("gzip", page.header("Content-Encoding"), "the HTML of " + path + " leaves compressed");
        long bytes = page.bytes();
        List<String> paths = new ArrayList<>(List.of(path));
        Document document = Jsoup.parse(html(page), base.toURI().resolve(path).toString());
        Set<String> pending = subresources(document);
        if (!document.select("link[rel=icon]").isEmpty()) {
            // the browser asks for no /favicon.ico when the page names its icon
        } else {
            pending.add("/favicon.ico");
        }
        for (String resource : pending) {
            Transfer file = fetch(resource);
            assertEquals(200, file.status(), resource + " referenced by " + path);
            bytes += file.bytes();
            paths.add(resource);
            if (resource.contains(".css")) {
                Matcher url = CSS_URL.matcher(html(file));
                while (url.find()) {
                    if (!url.group(1).startsWith("data:")) {
                        Transfer nested =
                                fetch(URI.create(resource).resolve(url.group(1)).toString());
                        bytes += nested.bytes();
                        paths.add(url.group(1));
                    }
                }
            }
        }
        return new Weight(bytes, paths.size(), paths);
    }

    String organizationPage() throws Exception {
        Document list = Jsoup.parse(html(fetch("/organizations?lang=en")));
        Element card = list.selectFirst(".card__title a");
        assertNotNull(card, "the directory lists a member organization");
        return card.attr("href");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName(
            "each public page, in each language, weighs at most 50 KB in at most 6 requests, and none of it is PrimeFaces")
    void publicPagesWithinBudget(String language) throws Exception {
        List<String> pages = List.of(
                "/",
                "/petitions",
                "/petitions/reunite-families-now",
                "/organizations",
                organizationPage(),
                "/embed/petitions/reunite-families-now",
                "/events",
                "/events/candlelight-vigil-for-families-chicago",
                "/embed/events/candlelight-vigil-for-families-chicago",
                "/event-check-email",
                "/statements",
                "/statements/protection-for-children-and-families-across-borders",
                "/embed/statements/stop-holding-children-in-border-cells");
        for (String page : pages) {
            String path = page + (page.contains("?") ? "&" : "?") + "lang=" + language;
            Weight weight = weigh(path);
            assertTrue(
                    weight.bytes() <= BUDGET_BYTES,
                    path + " weighs " + weight.bytes() + " bytes over " + weight.paths());
            assertTrue(
                    weight.requests() <= BUDGET_REQUESTS,
                    path + " takes " + weight.requests() + " requests: " + weight.paths());
            assertFalse(
                    weight.paths().stream().anyMatch(p -> p.contains("primefaces")),
                    path + " loads PrimeFaces: " + weight.paths());
        }
    }

    @Test
    @DisplayName("stylesheets, scripts and the icon have a versioned address, cached for a year by everyone")
    void staticFilesCachedForever() throws Exception {
        Document page = Jsoup.parse(html(fetch("/petitions/reunite-families-now?lang=es")));
        List<String> files = new ArrayList<>(subresources(page));
        assertTrue(files.size() >= 2, "the page names its stylesheet and icon: " + files);
        for (String file : files) {
            assertTrue(file.contains("h="), file + " carries its content's digest");
            Transfer answer = fetch(file);
            assertEquals(200, answer.status(), file);
            assertEquals("public, max-age=31536000, immutable", answer.header("Cache-Control"), file);
            String vary = answer.header("Vary");
            assertTrue(
                    vary == null || !(vary.contains("Cookie") || vary.contains("Accept-Language")), file + ": " + vary);
            assertNull(answer.response().headers().firstValue("Set-Cookie").orElse(null), file + " sets no cookie");
        }
        Transfer css =
                fetch(files.stream().filter(f -> f.contains(".css")).findFirst().orElseThrow());
        assertEquals("gzip", css.header("Content-Encoding"), "the stylesheet leaves compressed");
        Transfer icon = fetch("/favicon.ico");
        assertEquals(200, icon.status(), "a favicon for browsers that ask for it without being told");
    }

    @Test
    @DisplayName(
            "public pages name their canonical address and both languages absolutely; embeds and errors are not indexed")
    void addressesForSearchEngines() throws Exception {
        Document spanish = Jsoup.parse(html(fetch("/petitions/reunite-families-now?lang=es")));
        Element canonical = spanish.selectFirst("link[rel=canonical]");
        assertNotNull(canonical, "a canonical address");
        assertTrue(
                canonical.attr("href").matches("https?://[^/]+/petitions/reunite-families-now\\?lang=es"),
                canonical.attr("href"));
        for (String hreflang : List.of("en", "es", "x-default")) {
            Element alternate = spanish.selectFirst("link[rel=alternate][hreflang=" + hreflang + "]");
            assertNotNull(alternate, hreflang);
            assertTrue(alternate.attr("href").startsWith("http"), alternate.attr("href"));
        }
        assertTrue(spanish.selectFirst("link[hreflang=x-default]")
                .attr("href")
                .endsWith("/petitions/reunite-families-now"));
        Element description = spanish.selectFirst("meta[name=description]");
        assertNotNull(description);
        assertFalse(description.attr("content").isBlank());
        Document home = Jsoup.parse(html(fetch("/?lang=es")));
        assertTrue(
                home.selectFirst("meta[name=description]").attr("content").contains("niñez"),
                "the home page is described in Spanish");

        Document embed = Jsoup.parse(html(fetch("/embed/petitions/reunite-families-now?lang=es")));
        assertNotNull(embed.selectFirst("meta[name=robots][content=noindex]"), "the widget is not indexed");
        assertTrue(embed.select("link[rel=alternate], link[rel=canonical]").isEmpty());

        Transfer missing = fetch("/petitions/no-such-petition-here?lang=es");
        assertEquals(404, missing.status());
        Document error = Jsoup.parse(html(missing));
        assertTrue(
                error.select("link[rel=alternate], link[rel=canonical]").isEmpty(),
                "an error page carries no alternates");
    }

    @Test
    @DisplayName("the share box names what it shares: the event page says event, the petition page petition")
    void shareBoxNamesWhatIsShared() throws Exception {
        Document eventEs = Jsoup.parse(html(fetch("/events/candlelight-vigil-for-families-chicago?lang=es")));
        assertEquals(
                "Comparte este evento", eventEs.selectFirst(".share__heading").text());
        assertEquals("Comparte este evento", eventEs.selectFirst("nav.share").attr("aria-label"));
        Document eventEn = Jsoup.parse(html(fetch("/events/candlelight-vigil-for-families-chicago?lang=en")));
        assertEquals("Share this event", eventEn.selectFirst(".share__heading").text());
        assertEquals(1, eventEn.select(".share__links a[href^=https://wa.me/]").size(), "the share links");
        Document petition = Jsoup.parse(html(fetch("/petitions/reunite-families-now?lang=es")));
        assertEquals(
                "Comparte esta petición",
                petition.selectFirst(".share__heading").text());
    }

    @Test
    @DisplayName("the widget may be framed by any site through the policy alone, with no contradicting X-Frame-Options")
    void widgetFraming() throws Exception {
        Transfer widget = fetch("/embed/petitions/reunite-families-now?lang=es");
        assertNull(widget.header("X-Frame-Options"));
        assertTrue(widget.header("Content-Security-Policy").contains("frame-ancestors *"));
        Transfer page = fetch("/petitions/reunite-families-now?lang=es");
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'self'"));
    }
}
