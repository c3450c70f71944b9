package org.puente.event;

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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.LanguageFilter;
import org.puente.platform.i18n.Messages;
import org.puente.platform.security.FormOrigin;
import org.puente.platform.web.ClientAddress;
import org.puente.platform.web.Hal;

/**
 * {@code /api/v1/events}: upcoming published events for partner tools (OSDI 1.2 event fields, HAL+JSON),
 * and the record-attendance helper, which takes a pending registration under exactly the rules of the
 * form (confirmed by the person from their mail). A place's street address, postal code, venue name and
 * online link are in the answer only when the host made them public; the attendees never are.
 */
@Path("/events")
public class EventResource {

    private static final int MAX_PER_PAGE = 100;

    @Inject
    RegistrationService events;

    @Inject
    RegistrationIntake intake;

    @Inject
    PuenteConfig config;

    @Inject
    ValidatorFactory validation;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(Hal.TYPE)
    public Response list(
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("per_page") @DefaultValue("25") int perPage) {
        int size = Math.max(1, Math.min(MAX_PER_PAGE, perPage));
        List<CoalitionEvent> all = events.upcoming();
        int current = Math.max(1, page);
        int totalPages = Math.max(1, (all.size() + size - 1) / size);
        JsonArrayBuilder items = Json.createArrayBuilder();
        JsonArrayBuilder links = Json.createArrayBuilder();
        all.stream().skip((long) (current - 1) * size).limit(size).forEach(event -> {
            items.add(event(event));
            links.add(Hal.href(self(event)));
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
                                        Hal.href(config.baseUrl() + "/api/v1/events?page=" + current + "&per_page="
                                                + size))
                                .add("osdi:events", links))
                .add("_embedded", Json.createObjectBuilder().add("osdi:events", items))
                .build();
        return Response.ok(body.toString(), Hal.TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Produces(Hal.TYPE)
    public Response one(@PathParam("id") String id) {
        return find(id).map(
                        e -> Response.ok(event(e).build().toString(), Hal.TYPE).build())
                .orElseGet(() -> Hal.error(Response.Status.NOT_FOUND, language(), "api.event.notFound"));
    }

    @POST
    @Path("/{id}/attendances")
    @Consumes(MediaType.WILDCARD)
    @Produces(Hal.TYPE)
    public Response attend(@PathParam("id") String id, String body) {
        if (!Hal.isJson(request.getContentType())) {
            return Hal.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, language(), "api.event.unsupportedType");
        }
        Optional<CoalitionEvent> event = find(id);
        if (event.isEmpty()) {
            return Hal.error(Response.Status.NOT_FOUND, language(), "api.event.notFound");
        }
        RegistrationForm form;
        try {
            form = form(Hal.read(body));
        } catch (JsonException | ClassCastException | IllegalStateException | NumberFormatException e) {
            return Hal.error(Response.Status.BAD_REQUEST, language(), "api.event.malformed");
        }
        Optional<ConstraintViolation<RegistrationForm>> invalid =
                Hal.validator(validation, language()).validate(form).stream().findFirst();
        if (invalid.isPresent()) {
            return Hal.invalid(invalid.get(), EventResource::field);
        }
        if (form.getGuests() > event.get().getMaxGuests()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(Hal.TYPE)
                    .entity(Json.createObjectBuilder()
                            .add("error", Messages.get(language(), "registration.guests.invalid"))
                            .add("field", "guests")
                            .build()
                            .toString())
                    .build();
        }
        try {
            intake.submit(
                    event.get().getSlug(), form, FormOrigin.api(ClientAddress.of(request, config.trustedProxies())));
        } catch (EventClosedException e) {
            return Hal.error(Response.Status.CONFLICT, language(), "event.closed");
        }
        return Response.accepted(Json.createObjectBuilder()
                        .add("status", Messages.get(language(), "api.attendance.accepted"))
                        .add("_links", Json.createObjectBuilder().add("osdi:event", Hal.href(self(event.get()))))
                        .build()
                        .toString())
                .type(Hal.TYPE)
                .build();
    }

    private JsonObjectBuilder event(CoalitionEvent event) {
        Language language = language();
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("identifiers", Json.createArrayBuilder().add("puente:" + event.getId()))
                .add("origin_system", "Puente")
                .add("title", event.getTitle().in(language))
                .add("summary", event.getSummary().in(language))
                .add("description", event.getDescription().in(language))
                .add("browser_url", config.baseUrl() + "/events/" + event.getSlug())
                .add("status", event.isCancelled() ? "cancelled" : "confirmed")
                .add("start_date", iso.format(event.getStart().toOffsetDateTime()))
                .add("end_date", iso.format(event.getEnd().toOffsetDateTime()))
                .add("total_accepted", events.placesTaken(event.getId()))
                .add("type", event.getAttendance() == Attendance.ONLINE ? "virtual" : "open")
                .add("created_date", String.valueOf(event.getCreatedAt()))
                .add("modified_date", String.valueOf(event.getUpdatedAt()))
                .add("puente:timezone", event.getTimeZone())
                .add("puente:event_type", event.getType().name().toLowerCase(java.util.Locale.ROOT))
                .add("puente:location_disclosure", event.getDisclosure().name().toLowerCase(java.util.Locale.ROOT))
                .add(
                        "_links",
                        Json.createObjectBuilder()
                                .add("self", Hal.href(self(event)))
                                .add("osdi:record_attendance_helper", Hal.href(self(event) + "/attendances")));
        if (event.getCapacity() != null) {
            json.add("capacity", event.getCapacity());
        }
        EventPlace place = event.getPlace();
        if (place != null && event.getAttendance().hasPlace()) {
            JsonObjectBuilder location = Json.createObjectBuilder();
            add(location, "locality", place.getCity());
            add(location, "region", place.getRegion());
            add(location, "country", place.getCountry());
            if (event.isAddressPublic()) {
                add(location, "venue", place.getVenueName());
                add(location, "postal_code", place.getPostalCode());
                if (place.getStreetAddress() != null) {
                    location.add("address_lines", Json.createArrayBuilder().add(place.getStreetAddress()));
                }
            }
            json.add("location", location);
        }
        return json;
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    /** The OSDI record-attendance shape, mapped onto the same form the web page uses. */
    private RegistrationForm form(JsonObject json) {
        JsonObject person = json.getJsonObject("person");
        if (person == null) {
            throw new IllegalStateException("no person");
        }
        RegistrationForm form = new RegistrationForm();
        form.setFirstName(Hal.text(person, "given_name"));
        form.setLastName(Hal.text(person, "family_name"));
        form.setEmail(Hal.first(person.getJsonArray("email_addresses"), "address"));
        form.setPhone(Hal.first(person.getJsonArray("phone_numbers"), "number"));
        JsonArray languages = person.getJsonArray("languages_spoken");
        form.setLanguage(
                languages == null || languages.isEmpty()
                        ? language()
                        : Language.parse(languages.getString(0)).orElse(language()));
        form.setGuests(json.containsKey("guests") ? json.getInt("guests") : 0);
        form.setNeeds(Hal.text(json, "comments"));
        return form;
    }

    private static String field(String property) {
        return switch (property) {
            case "firstName" -> "person.given_name";
            case "lastName" -> "person.family_name";
            case "email" -> "person.email_addresses";
            case "phone" -> "person.phone_numbers";
            case "needs" -> "comments";
            default -> property;
        };
    }

    private Optional<CoalitionEvent> find(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return events.findVisibleById(Long.parseLong(id));
    }

    private String self(CoalitionEvent event) {
        return config.baseUrl() + "/api/v1/events/" + event.getId();
    }

    private Language language() {
        return LanguageFilter.of(request);
    }
}
