package org.puente.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where an event happens. The locality (city, region, country) and the kind of venue are always public;
 * the venue's name, street address, postal code and online link are what {@link LocationDisclosure} may
 * hold back.
 */
@Embeddable
public class EventPlace implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(name = "venue_kind")
    private VenueKind venueKind;

    @Column(name = "venue_name")
    private String venueName;

    @Column(name = "street_address")
    private String streetAddress;

    private String city;

    private String region;

    @Column(name = "postal_code")
    private String postalCode;

    private String country;

    @Column(name = "online_url")
    private String onlineUrl;

    protected EventPlace() {}

    public EventPlace(
            VenueKind venueKind,
            String venueName,
            String streetAddress,
            String city,
            String region,
            String postalCode,
            String country,
            String onlineUrl) {
        this.venueKind = venueKind;
        this.venueName = blankToNull(venueName);
        this.streetAddress = blankToNull(streetAddress);
        this.city = blankToNull(city);
        this.region = blankToNull(region);
        this.postalCode = blankToNull(postalCode);
        this.country = blankToNull(country);
        this.onlineUrl = blankToNull(onlineUrl);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "Chicago, IL" style: city and region, the always-public part (the country is named apart). */
    public String getLocality() {
        return Stream.of(city, region).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    /** The full street address on one line, for those allowed to see it. */
    public String getFullAddress() {
        return Stream.of(venueName, streetAddress, getLocality(), postalCode)
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }

    /** Whether anything here differs from another place in what attendees need to find it. */
    public boolean sameWhereabouts(EventPlace other) {
        return other != null
                && Objects.equals(venueName, other.venueName)
                && Objects.equals(streetAddress, other.streetAddress)
                && Objects.equals(city, other.city)
                && Objects.equals(region, other.region)
                && Objects.equals(postalCode, other.postalCode)
                && Objects.equals(country, other.country)
                && Objects.equals(onlineUrl, other.onlineUrl);
    }

    public VenueKind getVenueKind() {
        return venueKind;
    }

    public String getVenueName() {
        return venueName;
    }

    public String getStreetAddress() {
        return streetAddress;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }
}
