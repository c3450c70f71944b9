package org.puente.event;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.puente.platform.config.PuenteConfig;
import org.puente.platform.i18n.Countries;
import org.puente.platform.i18n.Language;
import org.puente.platform.web.NotFoundException;
import org.puente.platform.web.Pages;

/**
 * Backs the public event pages ({@code #{publicEvents}}): read-only and sessionless. What it shows of a
 * place is what {@link LocationDisclosure} allows the public: with a hidden address, the kind of venue
 * and the locality only, and no map.
 */
@Named
@RequestScoped
public class PublicEvents {

    @Inject
    EventReadCache events;

    @Inject
    HttpServletRequest request;

    @Inject
    PuenteConfig config;

    @Inject
    Clock clock;

    private List<CoalitionEvent> upcoming;
    private List<CoalitionEvent> past;
    private CoalitionEvent current;
    private final Map<Long, Long> counts = new HashMap<>();

    /** Upcoming events, soonest first, narrowed by the list's filters ({@code type}, {@code country}, {@code region}, {@code month}). */
    public List<CoalitionEvent> getUpcoming() {
        if (upcoming == null) {
            upcoming = events.upcoming().stream().filter(this::matchesFilters).toList();
        }
        return upcoming;
    }

    /** An organization's upcoming events (hosted or co-hosted), for its public page. */
    public List<CoalitionEvent> hostedBy(String organizationSlug) {
        return events.upcoming().stream()
                .filter(e -> e.getOrganization() != null
                                && e.getOrganization().getSlug().equals(organizationSlug)
                        || e.getCohosts().stream().anyMatch(o -> o.getSlug().equals(organizationSlug)))
                .toList();
    }

    /** One organization's events as a calendar subscription. */
    public String subscribeUrlFor(String organizationSlug) {
        return getSubscribeUrl() + "&organization=" + encoded(organizationSlug);
    }

    /** The next few events, for the home page. */
    public List<CoalitionEvent> getSoonest() {
        List<CoalitionEvent> all = events.upcoming();
        return all.subList(0, Math.min(HOME_PAGE_EVENTS, all.size()));
    }

    static final int HOME_PAGE_EVENTS = 3;

    public List<CoalitionEvent> getPast() {
        if (past == null) {
            past = events.past().stream().filter(this::matchesFilters).toList();
        }
        return past;
    }

    /** Whether the list shows past events (its second tab). */
    public boolean isShowingPast() {
        return "past".equals(request.getParameter("when"));
    }

    private boolean matchesFilters(CoalitionEvent event) {
        Optional<EventType> type = getTypeFilter();
        String country = request.getParameter("country");
        String region = request.getParameter("region");
        Optional<YearMonth> month = getMonthFilter();
        EventPlace place = event.getPlace();
        return type.map(t -> t == event.getType()).orElse(true)
                && (blank(country) || place != null && country.equalsIgnoreCase(place.getCountry()))
                && (blank(region) || place != null && region.strip().equalsIgnoreCase(place.getRegion()))
                && month.map(m -> YearMonth.from(event.getStart()).equals(m)).orElse(true);
    }

    public Optional<EventType> getTypeFilter() {
        String type = request.getParameter("type");
        if (blank(type)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventType.valueOf(type));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<YearMonth> getMonthFilter() {
        String month = request.getParameter("month");
        if (blank(month)) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public EventType[] getTypes() {
        return EventType.values();
    }

    /** The countries with upcoming events, for the filter. */
    public List<String> getCountries() {
        TreeSet<String> codes = new TreeSet<>();
        events.upcoming().stream()
                .map(CoalitionEvent::getPlace)
                .filter(p -> p != null && p.getCountry() != null)
                .forEach(p -> codes.add(p.getCountry()));
        return List.copyOf(codes);
    }

    /** The next twelve months, for the filter: {@code 2026-12} with its name in the reader's language. */
    public List<Map.Entry<String, String>> getMonths() {
        YearMonth first = YearMonth.now(clock);
        DateTimeFormatter name =
                DateTimeFormatter.ofPattern("LLLL yyyy", Pages.language().locale());
        return java.util.stream.IntStream.range(0, 12)
                .mapToObj(first::plusMonths)
                .map(m -> Map.entry(m.toString(), name.format(m)))
                .toList();
    }

    /** The event the address names. */
    public CoalitionEvent getCurrent() {
        if (current == null) {
            Object slug = request.getAttribute(EventUrlFilter.SLUG_ATTRIBUTE);
            String name = slug != null ? slug.toString() : request.getParameter("slug");
            current = events.visible(name).orElseThrow(() -> new NotFoundException("event " + name));
        }
        return current;
    }

    /** How many are going (confirmed places, guests included): a count, never a list. */
    public long going(CoalitionEvent event) {
        return counts.computeIfAbsent(event.getId(), events::placesTaken);
    }

    public boolean isFull(CoalitionEvent event) {
        return event.isLimited() && going(event) >= event.getCapacity();
    }

    public boolean takesRegistrations(CoalitionEvent event) {
        return event.takesRegistrations(clock.instant());
    }

    public boolean isPast(CoalitionEvent event) {
        return event.isPast(clock.instant());
    }

    public String when(CoalitionEvent event) {
        return EventTimes.when(event, Pages.language());
    }

    public String brief(CoalitionEvent event) {
        return EventTimes.brief(event, Pages.language());
    }

    /**
     * Where, as the public may know it: the full address when it is public, else the kind of venue and the
     * locality ("A place of worship in Chicago, IL, United States").
     */
    public String publicPlace(CoalitionEvent event) {
        EventPlace place = event.getPlace();
        if (place == null || !event.getAttendance().hasPlace()) {
            return "";
        }
        Language language = Pages.language();
        String locality = joined(place.getLocality(), Countries.name(place.getCountry(), language));
        if (event.isAddressPublic()) {
            return joined(
                    place.getVenueName(), joined(place.getStreetAddress(), joined(locality, place.getPostalCode())));
        }
        return place.getVenueKind() == null
                ? locality
                : Pages.text(
                        "event.venueIn",
                        Pages.text("event.venueKind." + place.getVenueKind().name()),
                        locality);
    }

    /** The city for cards: always public. */
    public String locality(CoalitionEvent event) {
        EventPlace place = event.getPlace();
        if (place == null) {
            return "";
        }
        return joined(place.getLocality(), Countries.name(place.getCountry(), Pages.language()));
    }

    /** A plain link to OpenStreetMap's search, only where the address is public: no embedded map, no script. */
    public String mapUrl(CoalitionEvent event) {
        EventPlace place = event.getPlace();
        if (!event.isAddressPublic() || place == null || place.getStreetAddress() == null) {
            return null;
        }
        String query = joined(place.getStreetAddress(), joined(place.getLocality(), place.getCountry()));
        return "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The online link, only where the address is public. */
    public String publicOnlineUrl(CoalitionEvent event) {
        return event.isAddressPublic() && event.getPlace() != null
                ? event.getPlace().getOnlineUrl()
                : null;
    }

    /** A portal path as an absolute address (Open Graph wants one). */
    public String absolute(String path) {
        return path == null ? null : config.baseUrl() + path;
    }

    public String shareUrl(CoalitionEvent event) {
        return config.baseUrl() + "/events/" + event.getSlug();
    }

    public String calendarUrl(CoalitionEvent event) {
        return request.getContextPath() + "/events/" + event.getSlug() + ".ics?lang="
                + Pages.language().code();
    }

    /** The whole calendar as a subscription ({@code webcal://}), in the reader's language. */
    public String getSubscribeUrl() {
        return config.baseUrl().replaceFirst("^https?://", "webcal://") + "/events.ics?lang="
                + Pages.language().code();
    }

    /** The HTML a member organization pastes into its own site to show the registration widget. */
    public String embedCode(CoalitionEvent event) {
        return "<iframe src=\"" + config.baseUrl() + "/embed/events/" + event.getSlug() + "\" title=\""
                + event.getTitle().in(Language.EN).replace("\"", "&quot;")
                + "\" width=\"100%\" height=\"760\" style=\"border:0\" loading=\"lazy\"></iframe>";
    }

    public String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The guests a person may bring here: 0 to the event's limit. */
    public List<Integer> guestOptions(CoalitionEvent event) {
        return java.util.stream.IntStream.rangeClosed(0, event.getMaxGuests())
                .boxed()
                .toList();
    }

    private static String joined(String a, String b) {
        if (blank(a)) {
            return blank(b) ? "" : b;
        }
        return blank(b) ? a : a + ", " + b;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
