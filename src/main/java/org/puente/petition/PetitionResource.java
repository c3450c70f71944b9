package org.puente.petition;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.puente.partner.PartnerKey;
import org.puente.partner.PartnerKeyService;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;
import org.puente.platform.web.ClientAddress;
import org.puente.platform.web.Hal;

/**
 * {@code /api/v1/petitions}: open and closed petitions for partner tools (OSDI 1.2 petition fields,
 * HAL+JSON), and the record-signature helper, which takes a pending signature under exactly the rules
 * of the form. Texts are in the request's language ({@code ?lang=} or {@code Accept-Language});
 * signers' addresses are never returned.
 *
 * <p>A signature must arrive as JSON: a browser cannot send that from another site without asking first
 * (CORS), whereas a plain-text or form post it sends silently, so any web page could otherwise make its
 * visitors sign up whomever it likes. A partner tool presents the key staff issued to it ({@code
 * Authorization: Bearer} or {@code OSDI-API-Token}), which raises its limits; a key that is unknown or
 * revoked is refused, and no key at all means the form's own limits.
 */
@Path("/petitions")
public class PetitionResource {

    static final String HAL = Hal.TYPE;
    private static final int MAX_PER_PAGE = 100;

    @Inject
    SignatureService signatures;

    @Inject
    SignatureIntake intake;

    @Inject
    SignatureCounts counts;

    @Inject
    PuenteConfig config;

    @Inject
    PartnerKeyService partners;

    @Inject
    ValidatorFactory validation;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(HAL)
    public Response list(
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("25") int perPage) {
        int size = Math.max(1, Math.min(MAX_PER_PAGE, perPage));
        List<Petition> all = signatures.listOpen();
        int current = Math.max(1, page);
        int totalPages = Math.max(1, (all.size() + size - 1) / size);
        JsonArrayBuilder items = Json.createArrayBuilder();
        JsonArrayBuilder links = Json.createArrayBuilder();
        all.stream().skip((long) (current - 1) * size).limit(size).forEach(petition -> {
            items.add(petition(petition));
            links.add(Json.createObjectBuilder().add("href", self(petition)));
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
                                        Hal.href(config.baseUrl() + "/api/v1/petitions?page=" + current + "&per_page="
                                                + size))
                                .add("osdi:petitions", links))
                .add("_embedded", Json.createObjectBuilder().add("osdi:petitions", items))
                .build();
        return Response.ok(body.toString(), HAL).build();
    }

    @GET
    @Path("/{id}")
    @Produces(HAL)
    public Response one(@PathParam("id") String id) {
        return find(id).map(
                        p -> Response.ok(petition(p).build().toString(), HAL).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "api.notFound"));
    }

    @POST
    @Path("/{id}/signatures")
    @Consumes(MediaType.WILDCARD)
    @Produces(HAL)
    public Response sign(@PathParam("id") String id, String body) {
        if (!Hal.isJson(request.getContentType())) {
            return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "api.unsupportedType");
        }
        PartnerKeyService.Presented key = partners.presentedBy(request);
        if (key.refused()) {
            return Response.fromResponse(error(Response.Status.UNAUTHORIZED, "api.key.invalid"))
                    .header("WWW-Authenticate", "Bearer")
                    .build();
        }
        Optional<Petition> petition = find(id);
        if (petition.isEmpty()) {
            return error(Response.Status.NOT_FOUND, "api.notFound");
        }
        SignatureForm form;
        try {
            form = form(Hal.read(body));
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            return error(Response.Status.BAD_REQUEST, "api.malformed");
        }
        Optional<ConstraintViolation<SignatureForm>> invalid =
                Hal.validator(validation, language()).validate(form).stream().findFirst();
        if (invalid.isPresent()) {
            return Hal.invalid(invalid.get(), PetitionResource::field);
        }
        try {
            String address = ClientAddress.of(request, config.trustedProxies());
            intake.submit(
                    petition.get().getSlug(),
                    form,
                    key.key()
                            .map(PetitionResource::limit)
                            .map(limit -> SigningSource.partner(address, limit))
                            .orElseGet(() -> SigningSource.api(address)));
        } catch (PetitionClosedException e) {
            return error(Response.Status.CONFLICT, "petition.closed");
        }
        return Response.accepted(Json.createObjectBuilder()
                        .add("status", Messages.get(language(), "api.accepted"))
                        .add("_links", Json.createObjectBuilder().add("osdi:petition", Hal.href(self(petition.get()))))
                        .build()
                        .toString())
                .type(HAL)
                .build();
    }

    private static SigningSource.RateLimit limit(PartnerKey key) {
        return new SigningSource.RateLimit(key.getPerMinute(), key.getPerHour());
    }

    private JsonObjectBuilder petition(Petition petition) {
        Language language = language();
        return Json.createObjectBuilder()
                .add("identifiers", Json.createArrayBuilder().add("puente:" + petition.getId()))
                .add("origin_system", "Puente")
                .add("title", petition.getTitle().in(language))
                .add("description", petition.getSummary().in(language))
                .add("petition_text", petition.getText().in(language))
                .add(
                        "target",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", petition.getTarget().in(language))))
                .add("total_signatures", counts.confirmed(petition.getId()))
                .add("created_date", String.valueOf(petition.getCreatedAt()))
                .add("modified_date", String.valueOf(petition.getUpdatedAt()))
                .add("browser_url", config.baseUrl() + "/petitions/" + petition.getSlug())
                .add(
                        "_links",
                        Json.createObjectBuilder()
                                .add("self", Hal.href(self(petition)))
                                .add("osdi:record_signature_helper", Hal.href(self(petition) + "/signatures")));
    }

    /** The OSDI record-signature shape, mapped onto the same form the web page uses. */
    private SignatureForm form(JsonObject json) {
        JsonObject person = json.getJsonObject("person");
        if (person == null) {
            throw new IllegalStateException("no person");
        }
        SignatureForm form = new SignatureForm();
        form.setFirstName(Hal.text(person, "given_name"));
        form.setLastName(Hal.text(person, "family_name"));
        form.setEmail(Hal.first(person.getJsonArray("email_addresses"), "address"));
        form.setPostalCode(Hal.first(person.getJsonArray("postal_addresses"), "postal_code"));
        form.setCountry(Hal.first(person.getJsonArray("postal_addresses"), "country"));
        JsonArray languages = person.getJsonArray("languages_spoken");
        form.setLanguage(
                languages == null || languages.isEmpty()
                        ? language()
                        : Language.parse(languages.getString(0)).orElse(language()));
        form.setComment(Hal.text(json, "comments"));
        return form;
    }

    private static String field(String property) {
        return switch (property) {
            case "firstName" -> "person.given_name";
            case "lastName" -> "person.family_name";
            case "email" -> "person.email_addresses";
            case "postalCode" -> "person.postal_addresses.postal_code";
            case "country" -> "person.postal_addresses.country";
            case "comment" -> "comments";
            default -> property;
        };
    }

    private Optional<Petition> find(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return signatures.findVisibleById(Long.parseLong(id));
    }

    private Response error(Response.Status status, String key) {
        return Hal.error(status, language(), key);
    }

    private String self(Petition petition) {
        return config.baseUrl() + "/api/v1/petitions/" + petition.getId();
    }

    private Language language() {
        return LanguageFilter.of(request);
    }
}
