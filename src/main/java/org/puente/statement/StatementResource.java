package org.puente.statement;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.LocalizedText;
import org.puente.platform.web.Hal;

/**
 * {@code /api/v1/statements}: listed statements (open, closed, released) for partner tools, HAL+JSON in the
 * style of the other resources, and any public one by id (an archived one too). Texts are in the request's
 * language ({@code ?lang=} or {@code Accept-Language}), the other one where a passage was not translated. The
 * signatories are the organizations that endorse the current text, by name, city and country; how to reach a
 * signer is never part of the answer.
 */
@Path("/statements")
public class StatementResource {

    private static final int MAX_PER_PAGE = 100;

    @Inject
    StatementService statements;

    @Inject
    StatementPdfs pdfs;

    @Inject
    PuenteConfig config;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(Hal.TYPE)
    public Response list(
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("25") int perPage) {
        int size = Math.max(1, Math.min(MAX_PER_PAGE, perPage));
        List<Statement> all = statements.listed();
        int current = Math.max(1, page);
        int totalPages = Math.max(1, (all.size() + size - 1) / size);
        JsonArrayBuilder items = Json.createArrayBuilder();
        JsonArrayBuilder links = Json.createArrayBuilder();
        all.stream().skip((long) (current - 1) * size).limit(size).forEach(statement -> {
            items.add(statement(statement));
            links.add(Hal.href(self(statement)));
        });
        JsonObject body = Json.createObjectBuilder()
                .add("total_pages", totalPages)
                .add("per_page", size)
                .add("page", current)
                .add("total_records", all.size())
                .add(
                        "_links",
                        Json.createObjectBuilder()
                                .add(
                                        "self",
                                        Hal.href(config.baseUrl() + "/api/v1/statements?page=" + current + "&per_page="
                                                + size))
                                .add("puente:statements", links))
                .add("_embedded", Json.createObjectBuilder().add("puente:statements", items))
                .build();
        return Response.ok(body.toString(), Hal.TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Produces(Hal.TYPE)
    public Response one(@PathParam("id") String id) {
        return find(id).map(s ->
                        Response.ok(statement(s).build().toString(), Hal.TYPE).build())
                .orElseGet(() -> Hal.error(Response.Status.NOT_FOUND, language(), "api.statement.notFound"));
    }

    private JsonObjectBuilder statement(Statement statement) {
        Language language = language();
        Endorsements signed = Endorsements.of(statements.signatories(statement));
        JsonArrayBuilder demands = Json.createArrayBuilder();
        List<Demand> all = statement.getDemands();
        for (int i = 0; i < all.size(); i++) {
            Demand demand = all.get(i);
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("position", i + 1)
                    .add("text", demand.getText().in(language));
            text(json, "addressee", demand.getAddressee(), language);
            demands.add(json);
        }
        JsonArrayBuilder organizations = Json.createArrayBuilder();
        for (Signatory signatory : signed.organizations()) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("name", signatory.getOrganizationName());
            nullable(json, "city", signatory.getCity());
            nullable(json, "country", signatory.getCountry());
            nullable(
                    json,
                    "country_name",
                    signatory.getCountry() == null ? null : Countries.name(signatory.getCountry(), language));
            organizations.add(json);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("identifiers", Json.createArrayBuilder().add("puente:" + statement.getId()))
                .add("origin_system", "Puente")
                .add("title", statement.getTitle().in(language))
                .add("summary", statement.getSummary().in(language))
                .add("demands", demands)
                .add("status", statement.getState().name().toLowerCase(Locale.ROOT));
        LocalDate released = pdfs.releaseDay(statement);
        nullable(json, "release_date", released == null ? null : released.toString());
        return json.add("browser_url", browserUrl(statement))
                .add("signatories", organizations)
                .add("total_signatories", signed.count())
                .add("total_countries", signed.countries())
                .add("created_date", String.valueOf(statement.getCreatedAt()))
                .add("modified_date", String.valueOf(statement.getUpdatedAt()))
                .add(
                        "_links",
                        Json.createObjectBuilder()
                                .add("self", Hal.href(self(statement)))
                                .add("puente:pdf", Hal.href(browserUrl(statement) + ".pdf?lang=" + language.code())));
    }

    /** A bilingual text in the caller's language (else the other); null when there is none in either. */
    private static void text(JsonObjectBuilder json, String name, LocalizedText text, Language language) {
        nullable(json, name, text.isEmpty() ? null : text.in(language));
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null || value.isBlank()) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private Optional<Statement> find(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return statements.findPublicById(Long.parseLong(id));
    }

    private String browserUrl(Statement statement) {
        return config.baseUrl() + "/statements/" + statement.getSlug();
    }

    private String self(Statement statement) {
        return config.baseUrl() + "/api/v1/statements/" + statement.getId();
    }

    private Language language() {
        return LanguageFilter.of(request);
    }
}
