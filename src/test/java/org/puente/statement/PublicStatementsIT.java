package org.puente.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.puente.testing.Accounts;
import org.puente.testing.Await;
import org.puente.testing.Deployments;
import org.puente.testing.StatementRows;
import org.puente.testing.TestClock;
import org.puente.testing.TestImages;
import org.puente.testing.TestStatements;
import org.puente.testing.TestStatements.Arranged;
import org.puente.testing.WebSession;
import org.puente.testing.WebSession.Page;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("Statements for the public: the list and its filters, a statement with its numbered demands and its "
        + "signatories, in both languages, never a signer's e-mail")
class PublicStatementsIT {

    static final String FRONTERA = "Frontera Family Network";
    static final String VOCES = "Voces Unidas de Chicago";
    static final String SANTUARIO = "Santuario Faith Alliance";
    static final String TIJUANA = "America/Tijuana";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @ArquillianResource
    URL base;

    URI portal;
    WebSession visitor;
    Instant now;

    @BeforeEach
    void newVisitor() throws Exception {
        portal = base.toURI();
        visitor = new WebSession(portal).ownClientAddress();
        now = TestClock.now(portal);
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    /** Whoever signed it and how to reach them: none of it may appear on a public page. */
    record Private(List<String> emails, List<String> signers) {}

    /**
     * An open statement led by Voces with Santuario as co-lead, at its second text version, with five demands
     * (the third written only in English) and eight signatures: the two leads, Frontera, three organizations
     * outside the coalition (one in Mexico, one in Honduras), one that signed the first version only, and one
     * that withdrew.
     */
    Private families(String slug, Instant deadline) throws Exception {
        long id = TestStatements.insert(Arranged.open(slug, VOCES, now.minus(Duration.ofHours(1)))
                .titled(
                        "Protection for children and families " + slug,
                        "Protección para la niñez y las familias " + slug)
                .summarized("Five demands to three governments.", null)
                .about("children,detention", "US,MX,HN")
                .until(deadline, TIJUANA)
                .atVersion(2));
        TestStatements.colead(id, SANTUARIO);
        StatementRows.demand(
                id,
                0,
                "Demand one: end family detention.",
                "Demanda uno: fin a la detención.",
                "To the US Congress",
                "Al Congreso de EE. UU.");
        StatementRows.demand(
                id,
                1,
                "Demand two: protect asylum.",
                "Demanda dos: proteger el asilo.",
                "To the Government of Mexico",
                "Al Gobierno de México");
        StatementRows.demand(id, 2, "Demand three: written only in English.", null, null, null);
        StatementRows.demand(
                id, 3, "Demand four: reunite families.", "Demanda cuatro: reunificar familias.", null, null);
        StatementRows.demand(
                id,
                4,
                "Demand five: fund legal aid.",
                "Demanda cinco: financiar ayuda legal.",
                "To the Government of Honduras",
                "Al Gobierno de Honduras");
        String tag = Long.toString(System.nanoTime());
        List<String> signers = List.of(
                "Firmante Voces " + tag,
                "Firmante Santuario " + tag,
                "Firmante Frontera " + tag,
                "Firmante Ángeles " + tag,
                "Firmante Red " + tag,
                "Firmante Alba " + tag,
                "Firmante Nube " + tag,
                "Firmante Zeta " + tag);
        List<String> emails = List.of(
                "angeles-" + tag + "@example.org",
                "red-" + tag + "@example.org",
                "alba-" + tag + "@example.org",
                "nube-" + tag + "@example.org",
                "zeta-" + tag + "@example.org");
        StatementRows.memberSigned(id, VOCES, signers.get(0), 2);
        StatementRows.memberSigned(id, SANTUARIO, signers.get(1), 2);
        StatementRows.memberSigned(id, FRONTERA, signers.get(2), 2);
        StatementRows.outsideSigned(
                id, "Ángeles de la Frontera", "Tijuana", "MX", signers.get(3), emails.get(0), 2, false);
        StatementRows.outsideSigned(
                id, "Red Comunitaria de Tegucigalpa", "Tegucigalpa", "HN", signers.get(4), emails.get(1), 2, false);
        StatementRows.outsideSigned(id, "alba migrante", "San Diego", "US", signers.get(5), emails.get(2), 2, false);
        StatementRows.outsideSigned(id, "Nube Azul Colectivo", "Oaxaca", "MX", signers.get(6), emails.get(3), 1, false);
        StatementRows.outsideSigned(id, "Zeta Retirada", "Chicago", "US", signers.get(7), emails.get(4), 2, true);
        return new Private(emails, signers);
    }

    static List<String> texts(Page page, String selector) {
        return page.document().select(selector).eachText();
    }

    static void assertNothingPrivate(Page page, Private hidden) {
        for (String email : hidden.emails()) {
            assertFalse(page.body().contains(email), page.uri() + " shows " + email);
        }
        for (String signer : hidden.signers()) {
            assertFalse(page.body().contains(signer), page.uri() + " names the signer " + signer);
        }
    }

    @Test
    @DisplayName("a reader opens a statement in Spanish and in English: its demands numbered in order with their "
            + "addressees, the signatories grouped with their city and country, counts by country, an earlier "
            + "version's signatures apart, and no signer's name or e-mail")
    void readInBothLanguages() throws Exception {
        String slug = unique("families");
        Instant deadline = now.plus(Duration.ofDays(10));
        Private hidden = families(slug, deadline);

        Page spanish = visitor.get("/statements/" + slug + "?lang=es");
        assertEquals(200, spanish.status(), spanish.text());
        assertEquals("es", spanish.lang());
        assertEquals(
                "Protección para la niñez y las familias " + slug,
                spanish.document().selectFirst("h1").text());
        Element summary = spanish.document().selectFirst("p.lead");
        assertEquals("Five demands to three governments.", summary.text());
        assertEquals("en", summary.attr("lang"), "the summary written only in English is marked as English");

        List<Element> demands = spanish.document().select("ol.demands > li");
        assertEquals(5, demands.size(), "five numbered demands, in an ordered list");
        assertEquals(
                "Al Congreso de EE. UU.",
                demands.get(0).selectFirst(".demand__addressee").text());
        assertEquals(
                "Demanda uno: fin a la detención.",
                demands.get(0).selectFirst(".demand__text").text());
        assertEquals(
                "Demanda dos: proteger el asilo.",
                demands.get(1).selectFirst(".demand__text").text());
        Element english = demands.get(2).selectFirst(".demand__text");
        assertEquals("Demand three: written only in English.", english.text());
        assertEquals("en", english.attr("lang"));
        assertNull(demands.get(2).selectFirst(".demand__addressee"), "no addressee, no empty line");
        assertEquals(
                "Demanda cuatro: reunificar familias.",
                demands.get(3).selectFirst(".demand__text").text());
        assertEquals(
                "Al Gobierno de Honduras",
                demands.get(4).selectFirst(".demand__addressee").text());

        assertEquals(
                List.of(SANTUARIO, VOCES), texts(spanish, ".signatories__list--leads .signatory__name"), "leads first");
        assertEquals(
                List.of("alba migrante", "Ángeles de la Frontera", FRONTERA, "Red Comunitaria de Tegucigalpa"),
                texts(spanish, ".signatories__list--others .signatory__name"),
                "then A to Z as a Spanish reader expects");
        assertEquals(
                List.of("Nube Azul Colectivo"),
                texts(spanish, ".signatories__list--earlier .signatory__name"),
                "a signature of the first version is shown apart");
        assertFalse(spanish.body().contains("Zeta Retirada"), "a withdrawn signature is not shown");
        assertTrue(
                texts(spanish, ".signatory").contains("Ángeles de la Frontera Tijuana, México"),
                texts(spanish, ".signatory").toString());
        assertTrue(texts(spanish, ".signatory").contains("Red Comunitaria de Tegucigalpa Tegucigalpa, Honduras"));
        assertEquals(
                "6 organizaciones en 3 países",
                spanish.document().selectFirst(".signatories__count").text());
        assertEquals(
                List.of("Estados Unidos: 4 organizaciones", "Honduras: 1 organización", "México: 1 organización"),
                texts(spanish, ".signatories__countries li"));
        assertEquals(
                List.of("/organizations/santuario-faith-alliance", "/organizations/voces-unidas-de-chicago"),
                spanish.document().select(".signatories__list--leads a").eachAttr("href"),
                "a member organization links to its page");
        assertTrue(
                spanish.document()
                        .select(".signatories__list--others a")
                        .eachAttr("href")
                        .equals(List.of("/organizations/frontera-family-network")),
                "an organization outside the coalition has no page here");

        String zone = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(deadline.atZone(ZoneId.of(TIJUANA)));
        assertTrue(
                spanish.document().getElementById("status").text().startsWith("Abierto a firmas hasta el "),
                spanish.document().getElementById("status").text());
        assertTrue(spanish.document().getElementById("status").text().endsWith(zone));
        assertNotNull(spanish.document().getElementById("sign-on"), "while open, members are told where to sign");
        assertEquals(
                "Contacto de prensa (público)",
                spanish.document().selectFirst("#media-heading").text());
        assertTrue(spanish.body().contains("press-" + slug + "@example.org"), "the media contact is public");
        assertEquals(
                "Comparte este pronunciamiento",
                spanish.document().selectFirst(".share__heading").text());
        assertEquals(
                "Protección para la niñez y las familias " + slug,
                spanish.document().selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(
                "es_US",
                spanish.document().selectFirst("meta[property=og:locale]").attr("content"));
        assertEquals(
                "http://puente.test/statements/" + slug,
                spanish.document().selectFirst("meta[property=og:url]").attr("content"));
        assertNothingPrivate(spanish, hidden);

        Page inEnglish = visitor.get("/statements/" + slug + "?lang=en");
        assertEquals("en", inEnglish.lang());
        assertEquals(
                "Protection for children and families " + slug,
                inEnglish.document().selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(
                "en_US",
                inEnglish.document().selectFirst("meta[property=og:locale]").attr("content"));
        assertEquals(
                List.of(
                        "Demand one: end family detention.",
                        "Demand two: protect asylum.",
                        "Demand three: written only in English.",
                        "Demand four: reunite families.",
                        "Demand five: fund legal aid."),
                texts(inEnglish, "ol.demands .demand__text"));
        assertEquals(
                "To the US Congress",
                inEnglish.document().selectFirst(".demand__addressee").text());
        assertEquals(
                "6 organizations in 3 countries",
                inEnglish.document().selectFirst(".signatories__count").text());
        assertEquals(
                List.of("United States: 4 organizations", "Honduras: 1 organization", "Mexico: 1 organization"),
                texts(inEnglish, ".signatories__countries li"));
        assertEquals(
                texts(spanish, ".signatory__name"), texts(inEnglish, ".signatory__name"), "the same order in English");
        assertTrue(inEnglish.document().getElementById("status").text().startsWith("Open for sign-on until "));
        assertEquals(
                "Media contact (public)",
                inEnglish.document().selectFirst("#media-heading").text());
        assertEquals(
                "Share this statement",
                inEnglish.document().selectFirst(".share__heading").text());
        assertNothingPrivate(inEnglish, hidden);

        Await.until(
                "the home page and the signatories' pages to list the new statement",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> visitor.get("/organizations/frontera-family-network?lang=en")
                        .text()
                        .contains("Protection for children and families " + slug));
        for (String path : List.of(
                "/statements?lang=es",
                "/statements?lang=en&tag=children",
                "/?lang=es",
                "/organizations/frontera-family-network?lang=es",
                "/organizations/voces-unidas-de-chicago?lang=en")) {
            assertNothingPrivate(visitor.get(path), hidden);
        }
    }

    @Test
    @DisplayName("the list shows open, closed and released statements newest first, each with its lead, its state "
            + "and how many organizations signed; a tag or a country narrows it through a plain GET form")
    void listAndFilters() throws Exception {
        String tag = "t" + System.nanoTime();
        Arranged open = Arranged.open(unique("open"), FRONTERA, now.minus(Duration.ofDays(3)))
                .about(tag, "US,MX")
                .until(now.plus(Duration.ofDays(10)), TIJUANA);
        Arranged closed = Arranged.open(unique("closed"), null, now.minus(Duration.ofDays(2)))
                .inState("CLOSED")
                .about(tag, "HN");
        Arranged released = Arranged.open(unique("released"), VOCES, now.minus(Duration.ofDays(1)))
                .inState("RELEASED")
                .about(tag + ",asylum", "US,HN")
                .releasedOn(LocalDate.of(2026, 3, 14));
        Arranged draft =
                Arranged.open(unique("draft"), VOCES, now).inState("DRAFT").about(tag, "HN");
        Arranged review =
                Arranged.open(unique("review"), VOCES, now).inState("IN_REVIEW").about(tag, "HN");
        long openId = TestStatements.insert(open);
        TestStatements.insert(closed);
        long releasedId = TestStatements.insert(released);
        TestStatements.insert(draft);
        TestStatements.insert(review);
        StatementRows.memberSigned(openId, FRONTERA, "Ana " + tag, 1);
        StatementRows.memberSigned(releasedId, VOCES, "Luis " + tag, 1);
        StatementRows.memberSigned(releasedId, SANTUARIO, "Eva " + tag, 1);

        Await.until(
                "the list to show the new statements",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> visitor.get("/statements?lang=en&tag=" + tag)
                                .document()
                                .select(".statement-card")
                                .size()
                        == 3);
        Page list = visitor.get("/statements?lang=en&tag=" + tag);
        assertEquals(200, list.status());
        assertEquals(
                List.of(released.titleEn(), closed.titleEn(), open.titleEn()),
                texts(list, ".statement-card .card__title"),
                "newest first; no draft nor one in review");
        List<Element> cards = list.document().select(".statement-card");
        assertTrue(cards.get(0).text().contains(VOCES), cards.get(0).text());
        assertTrue(
                cards.get(0).text().contains("Released on March 14, 2026"),
                cards.get(0).text());
        assertTrue(
                cards.get(0).text().contains("2 organizations signed"),
                cards.get(0).text());
        assertTrue(cards.get(0).text().contains(released.summaryEn()));
        assertTrue(cards.get(1).text().contains("The coalition"), cards.get(1).text());
        assertTrue(cards.get(1).text().contains("Sign-on closed"), cards.get(1).text());
        assertTrue(
                cards.get(1).text().contains("No organization has signed yet"),
                cards.get(1).text());
        assertTrue(cards.get(2).text().contains(FRONTERA));
        assertTrue(
                cards.get(2).text().contains("Open for sign-on until "),
                cards.get(2).text());
        assertTrue(
                cards.get(2).text().contains("1 organization signed"),
                cards.get(2).text());
        assertEquals(
                "/statements/" + released.slug(),
                cards.get(0).selectFirst(".card__title a").attr("href"));

        Element form = list.document().selectFirst("form.filters");
        assertEquals("get", form.attr("method"));
        assertEquals("/statements", form.attr("action"));
        assertNotNull(form.selectFirst("select[name=tag] option[value=" + tag + "][selected]"), "the tag chosen");
        assertEquals(
                "Honduras",
                form.selectFirst("select[name=country] option[value=HN]").text());

        Page honduras = visitor.get("/statements?lang=en&tag=" + tag + "&country=HN");
        assertEquals(List.of(released.titleEn(), closed.titleEn()), texts(honduras, ".statement-card .card__title"));
        Page mexico = visitor.get("/statements?lang=es&tag=" + tag + "&country=MX");
        assertEquals("es", mexico.lang());
        assertEquals(List.of(open.titleEs()), texts(mexico, ".statement-card .card__title"));
        assertTrue(mexico.text().contains("Abierto a firmas hasta el "), mexico.text());
        assertTrue(mexico.text().contains("1 organización firmó"), mexico.text());
        Page asylum = visitor.get("/statements?lang=es&tag=asylum&country=US");
        assertTrue(texts(asylum, ".statement-card .card__title").contains(released.titleEs()));
        assertFalse(texts(asylum, ".statement-card .card__title").contains(open.titleEs()));
        assertTrue(
                visitor.get("/statements?lang=es&tag=" + tag + "&country=SV")
                        .text()
                        .contains("Ningún pronunciamiento coincide"),
                "an empty result says so");

        Page releasedPage = visitor.get("/statements/" + released.slug() + "?lang=es");
        assertEquals(
                "Publicado el 14 de marzo de 2026",
                releasedPage.document().getElementById("status").text());
        assertNull(releasedPage.document().getElementById("sign-on"), "no pointer to sign once it is released");
    }

    /** A member organization made through the admin form, with a logo or without; returns its id. */
    long memberOrganization(WebSession admin, String name, byte[] logo) {
        Page saved = admin.submitWithFiles(
                admin.get("/admin/organization?lang=en"),
                "form",
                Map.of("name", name, "country", "US", "city", "El Paso", "descriptionEn", "Accompanies families."),
                "save",
                logo == null ? Map.of() : Map.of("form:logo", Map.entry("logo.png", logo)));
        assertTrue(saved.uri().getPath().startsWith("/admin/organizations"), "saved: " + saved.messages());
        return Accounts.idInRow(saved, name, "organization");
    }

    static Element signatoryNamed(Page page, String name) {
        return page.document().select(".signatory").stream()
                .filter(li -> li.selectFirst(".signatory__name").text().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no signatory " + name + " in " + texts(page, ".signatory")));
    }

    @Test
    @DisplayName("a member organization with a logo shows it beside its name, small, sized and loaded as the reader "
            + "scrolls to it; a member without a logo and an organization outside the coalition show none")
    void memberLogos() throws Exception {
        WebSession admin = Accounts.admin(new WebSession(portal));
        String withLogo = "Con Logo " + System.nanoTime();
        String withoutLogo = "Sin Logo " + System.nanoTime();
        String outside = "Fuera de la Coalición " + System.nanoTime();
        long logoId = memberOrganization(admin, withLogo, TestImages.png(12, 12));
        memberOrganization(admin, withoutLogo, null);
        String slug = unique("logos");
        long id = TestStatements.insert(Arranged.open(slug, VOCES, now));
        StatementRows.memberSigned(id, withLogo, "Firmante " + slug, 1);
        StatementRows.memberSigned(id, withoutLogo, "Otra firmante " + slug, 1);
        StatementRows.outsideSigned(id, outside, "Tijuana", "MX", "Alguien " + slug, slug + "@example.org", 1, false);

        // Which organizations have a logo is read again at most every few seconds.
        Await.until(
                "the statement's page to know the new organization's logo",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> visitor.get("/statements/" + slug + "?lang=es").document().selectFirst(".signatories img")
                        != null);
        Page page = visitor.get("/statements/" + slug + "?lang=es");
        assertEquals(200, page.status());
        Element logo = signatoryNamed(page, withLogo).selectFirst("img.signatory__logo");
        assertNotNull(logo, "the member's logo beside its name");
        assertEquals("/logos/" + logoId, logo.attr("src"));
        assertEquals("", logo.attr("alt"), "its name is beside it: nothing to read twice");
        assertTrue(logo.hasAttr("alt"));
        assertEquals("lazy", logo.attr("loading"), "outside the first view's weight");
        assertEquals("40", logo.attr("width"));
        assertEquals("40", logo.attr("height"));
        Page image = visitor.get(logo.attr("src"));
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type"));
        assertNull(signatoryNamed(page, withoutLogo).selectFirst("img"), "a member without a logo shows none");
        assertNull(
                signatoryNamed(page, outside).selectFirst("img"), "an organization outside the coalition shows none");
        assertEquals(1, page.document().select(".signatories img").size());
        StatementRows.archive(id);
    }

    @Test
    @DisplayName("another site frames a statement's widget: its title, summary and \"Signed by N organizations in K "
            + "countries\" in the reader's language, and while sign-on is open a button to the statement's sign-on "
            + "in the top window; gone once closed; a draft's widget is 404; staff copy the code from its record")
    void widget() throws Exception {
        String slug = unique("widget");
        long id = TestStatements.insert(Arranged.open(slug, VOCES, now.minus(Duration.ofHours(1)))
                .titled("Protect children at the border " + slug, "Protejan a la niñez en la frontera " + slug)
                .summarized("Three demands to three governments.", "Tres demandas a tres gobiernos."));
        StatementRows.memberSigned(id, VOCES, "Firmante Voces " + slug, 1);
        StatementRows.memberSigned(id, FRONTERA, "Firmante Frontera " + slug, 1);
        StatementRows.outsideSigned(
                id, "Casa del Migrante " + slug, "Tijuana", "MX", "Firmante Casa", slug + "@example.org", 1, false);
        String widget = "/embed/statements/" + slug;

        Page spanish = visitor.get(widget + "?lang=es");
        assertEquals(200, spanish.status(), spanish.text());
        assertEquals("es", spanish.lang());
        assertEquals(
                "Protejan a la niñez en la frontera " + slug,
                spanish.document().selectFirst("h1").text());
        assertTrue(spanish.text().contains("Tres demandas a tres gobiernos."), spanish.text());
        assertEquals(
                "Firmado por 3 organizaciones en 2 países",
                spanish.document().getElementById("count").text());
        Element button = spanish.document().getElementById("sign-on");
        assertNotNull(button, "while open, a button to sign on");
        assertEquals("Firma por tu organización", button.text());
        assertEquals("_top", button.attr("target"), "the sign-on opens in the reader's window, not in the frame");
        assertEquals("http://puente.test/statements/" + slug + "?lang=es#sign-on", button.attr("href"));
        assertNotNull(
                visitor.get("/statements/" + slug + "?lang=es").document().getElementById("sign-on"),
                "the statement's page has the section the button leads to");
        assertNotNull(spanish.document().selectFirst("meta[name=robots][content=noindex]"), "not indexed");
        assertNull(spanish.header("X-Frame-Options"), "framing is allowed");
        assertTrue(
                spanish.header("Content-Security-Policy").contains("frame-ancestors *"),
                spanish.header("Content-Security-Policy"));
        assertTrue(spanish.document()
                .select("script[src*=primefaces], link[href*=primefaces]")
                .isEmpty());
        assertTrue(visitor.cookie("JSESSIONID").isEmpty(), "the widget creates no session");
        assertNothingPrivate(spanish, new Private(List.of(slug + "@example.org"), List.of("Firmante Casa")));

        Page english = visitor.get(widget + "?lang=en");
        assertEquals("en", english.lang());
        assertEquals(
                "Protect children at the border " + slug,
                english.document().selectFirst("h1").text());
        assertEquals(
                "Signed by 3 organizations in 2 countries",
                english.document().getElementById("count").text());
        assertEquals(
                "Sign on for your organization",
                english.document().getElementById("sign-on").text());
        assertEquals(
                "http://puente.test/statements/" + slug + "?lang=en#sign-on",
                english.document().getElementById("sign-on").attr("href"));

        StatementRows.close(id);
        Await.until(
                "the widget to show the statement closed",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> visitor.get(widget + "?lang=en").text().contains("Sign-on closed"));
        Page closed = visitor.get(widget + "?lang=en");
        assertEquals(200, closed.status());
        assertNull(closed.document().getElementById("sign-on"), "no button once sign-on is closed");
        assertEquals(
                "Signed by 3 organizations in 2 countries",
                closed.document().getElementById("count").text());

        Arranged draft = Arranged.open(unique("widget-draft"), VOCES, now).inState("DRAFT");
        TestStatements.insert(draft);
        for (String path : List.of(
                "/embed/statements/" + draft.slug(),
                "/embed/statements/" + draft.slug() + "?lang=es",
                "/embed/statements/no-such-statement-" + slug,
                "/embed/statements/",
                widget + ".pdf")) {
            Page answer = visitor.get(path);
            assertEquals(404, answer.status(), path);
            assertFalse(answer.body().contains(draft.titleEn()), path);
        }

        WebSession staff = Accounts.admin(new WebSession(portal));
        Page record = staff.get("/admin/statement-record?id=" + id + "&lang=en");
        Element code = record.document().selectFirst(".embed-code input");
        assertNotNull(code, "the record offers the code to embed");
        assertTrue(
                code.attr("value").startsWith("<iframe src=\"http://puente.test/embed/statements/" + slug + "\""),
                code.attr("value"));
        StatementRows.archive(id);
    }

    @Test
    @DisplayName("a draft, a statement in review and an unknown address are 404; an archived one keeps its page "
            + "but leaves the list")
    void onlyPublicStatementsAreShown() throws Exception {
        String tag = "t" + System.nanoTime();
        Arranged draft =
                Arranged.open(unique("draft"), VOCES, now).inState("DRAFT").about(tag, null);
        Arranged review =
                Arranged.open(unique("review"), VOCES, now).inState("IN_REVIEW").about(tag, null);
        Arranged archived = Arranged.open(unique("archived"), VOCES, now)
                .inState("ARCHIVED")
                .about(tag, null);
        Arranged open = Arranged.open(unique("open"), VOCES, now).about(tag, null);
        for (Arranged each : List.of(draft, review, archived, open)) {
            TestStatements.insert(each);
        }
        for (String path : List.of(
                "/statements/" + draft.slug(),
                "/statements/" + review.slug() + "?lang=es",
                "/statements/no-such-statement-" + tag,
                "/statements/" + open.slug() + "/more",
                "/statements/" + draft.slug() + ".pdf",
                "/statements/UPPER")) {
            Page answer = visitor.get(path);
            assertEquals(404, answer.status(), path);
            assertFalse(answer.body().contains(draft.titleEn()) || answer.body().contains(review.titleEn()), path);
        }
        assertEquals(200, visitor.get("/statements/" + archived.slug()).status());
        Await.until(
                "the list to show the open statement",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> visitor.get("/statements?lang=en&tag=" + tag).text().contains(open.titleEn()));
        assertEquals(List.of(open.titleEn()), texts(visitor.get("/statements?lang=en&tag=" + tag), ".card__title"));
    }

    @Test
    @DisplayName("an anonymous reader's statement page and list may be kept by a shared cache for a few seconds "
            + "and create no session; a signed-in reader's page is never kept")
    void cacheableForAnonymousReaders() throws Exception {
        String slug = unique("cached");
        TestStatements.insert(Arranged.open(slug, SANTUARIO, now));
        Page first = visitor.get("/statements/" + slug);
        assertEquals(200, first.status());
        assertEquals("public, max-age=5, s-maxage=5", first.header("Cache-Control"));
        Page again = visitor.get("/statements/" + slug);
        assertEquals(200, again.status());
        assertEquals("public, max-age=5, s-maxage=5", again.header("Cache-Control"));
        assertEquals(
                first.document().selectFirst("h1").text(),
                again.document().selectFirst("h1").text());
        Page list = visitor.get("/statements?lang=es");
        assertEquals("public, max-age=5, s-maxage=5", list.header("Cache-Control"));
        assertTrue(visitor.cookie("JSESSIONID").isEmpty(), "reading created no session");

        WebSession staff = Accounts.admin(new WebSession(portal));
        Page signedIn = staff.get("/statements/" + slug);
        assertEquals(200, signedIn.status());
        assertEquals("private, no-store", signedIn.header("Cache-Control"));
        assertEquals("private, no-store", staff.get("/statements").header("Cache-Control"));
    }

    @Test
    @DisplayName("the home page shows the newest statements, and each organization's page the statements it signed")
    void homeAndOrganizationPages() throws Exception {
        String slug = unique("newest");
        // Opened a day ahead of the portal's now: the newest of all, whatever other tests left listed. It is
        // archived at the end, so that it does not stay ahead of theirs.
        long id = TestStatements.insert(Arranged.open(slug, VOCES, now.plus(Duration.ofDays(1))));
        StatementRows.memberSigned(id, SANTUARIO, "Sara " + slug, 1);
        String draftSlug = unique("unsigned-draft");
        long draftId =
                TestStatements.insert(Arranged.open(draftSlug, VOCES, now).inState("DRAFT"));
        StatementRows.memberSigned(draftId, SANTUARIO, "Sara " + draftSlug, 1);

        Await.until(
                "the home page to show the new statement",
                Duration.ofSeconds(10),
                Duration.ofMillis(200),
                () -> visitor.get("/?lang=es").text().contains("Pronunciamiento " + slug));
        Page home = visitor.get("/?lang=es");
        assertEquals(
                "Pronunciamientos",
                home.document().selectFirst("#statements-heading").text());
        Element section = home.document().selectFirst("section[aria-labelledby=statements-heading]");
        assertTrue(section.select(".statement-card").size() <= 3, "a few, not all");
        assertEquals(
                "/statements/" + slug,
                section.selectFirst(".statement-card h3 a").attr("href"),
                "the newest first");
        assertNotNull(section.selectFirst("a[href=\"/statements?lang=es\"]"), "a link to all statements");

        Page santuario = visitor.get("/organizations/santuario-faith-alliance?lang=en");
        assertEquals(
                "Statements we signed",
                santuario.document().selectFirst("#member-statements-heading").text());
        assertTrue(santuario.text().contains("Statement " + slug), santuario.text());
        assertFalse(santuario.text().contains(draftSlug), "a draft is not public, signed or not");
        Page frontera = visitor.get("/organizations/frontera-family-network?lang=en");
        assertFalse(frontera.text().contains("Statement " + slug), "only the organizations that signed it");
        StatementRows.archive(id);
    }
}
