package org.puente.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.puente.platform.i18n.Language;
import org.puente.platform.i18n.Messages;

/**
 * What every HAL+JSON resource of the public API shares (OSDI 1.2 vocabulary): its media type, links,
 * errors in the caller's language, reading the posted JSON, and validating it with messages in that
 * language, as the web forms do.
 */
public final class Hal {

    public static final String TYPE = "application/hal+json";

    private Hal() {}

    /** {@code application/json}, {@code application/hal+json} or another {@code application/…+json}. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype())
                        || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    public static JsonObject href(String url) {
        return Json.createObjectBuilder().add("href", url).build();
    }

    /** An error answer: the status and a message from the bundles in the caller's language. */
    public static Response error(Response.Status status, Language language, String key) {
        return Response.status(status)
                .type(TYPE)
                .entity(Json.createObjectBuilder()
                        .add("error", Messages.get(language, key))
                        .build()
                        .toString())
                .build();
    }

    /** A 400 naming the field in error (in the API's own field names) with the validation message. */
    public static Response invalid(ConstraintViolation<?> violation, UnaryOperator<String> fieldNames) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(TYPE)
                .entity(Json.createObjectBuilder()
                        .add("error", violation.getMessage())
                        .add(
                                "field",
                                fieldNames.apply(violation.getPropertyPath().toString()))
                        .build()
                        .toString())
                .build();
    }

    /**
     * The posted body as a JSON object.
     *
     * @throws jakarta.json.JsonException or {@link ClassCastException} when it is none
     */
    public static JsonObject read(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        }
    }

    public static String text(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** A field of an array's first object (OSDI lists a person's addresses; the first is theirs). */
    public static String first(JsonArray array, String name) {
        return array == null || array.isEmpty() ? null : text(array.getJsonObject(0), name);
    }

    /** A validator whose messages come out in {@code language}, as on the web form. */
    public static Validator validator(ValidatorFactory validation, Language language) {
        MessageInterpolator base = validation.getMessageInterpolator();
        Locale locale = language.locale();
        return validation
                .usingContext()
                .messageInterpolator(new MessageInterpolator() {
                    @Override
                    public String interpolate(String template, Context context) {
                        return base.interpolate(template, context, locale);
                    }

                    @Override
                    public String interpolate(String template, Context context, Locale ignored) {
                        return base.interpolate(template, context, locale);
                    }
                })
                .getValidator();
    }
}
