package org.puente.organization;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.puente.platform.i18n.LocalizedText;

/**
 * The coalition that runs this portal: one row. Its postal address goes into every e-mail footer.
 */
@Entity
@Table(name = "coalition")
public class Coalition {

    public static final long ID = 1L;

    /** Central time: the offset (UTC−6) the coalition's countries share for most of the year. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("America/Chicago");

    @Id
    private Long id;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "name", nullable = false)),
        @AttributeOverride(name = "es", column = @Column(name = "name_es", nullable = false))
    })
    private LocalizedText name;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "en", column = @Column(name = "mission_en")),
        @AttributeOverride(name = "es", column = @Column(name = "mission_es"))
    })
    private LocalizedText mission;

    @Column(name = "postal_address", nullable = false)
    private String postalAddress;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "signing_paused")
    private boolean signingPaused;

    /** An IANA zone id; staff read and enter times in it. */
    @Column(name = "time_zone", nullable = false)
    private String timeZone = DEFAULT_TIME_ZONE.getId();

    protected Coalition() {}

    public Coalition(LocalizedText name, LocalizedText mission, String postalAddress, Instant now) {
        if (!name.isComplete()) {
            throw new IllegalArgumentException("the coalition's name is required in both languages");
        }
        this.id = ID;
        this.name = name;
        this.mission = mission;
        this.postalAddress = postalAddress;
        this.updatedAt = now;
    }

    /**
     * Admins change how the coalition presents itself; the name is required in both languages (pages and
     * mail show it in the reader's), the postal address may not be blank (mail footers need it).
     */
    public void update(LocalizedText name, LocalizedText mission, String postalAddress, Instant now) {
        if (name == null || !name.isComplete() || postalAddress == null || postalAddress.isBlank()) {
            throw new IllegalArgumentException("name (in both languages) and postal address are required");
        }
        this.name = name;
        this.mission = mission;
        this.postalAddress = postalAddress.strip();
        this.updatedAt = now;
    }

    /** The emergency switch: while on, no petition takes or confirms signatures. */
    public void pauseAllSigning(boolean paused, Instant now) {
        this.signingPaused = paused;
        this.updatedAt = now;
    }

    /** Staff read and enter times in this zone; it must be a region's zone, never a bare offset. */
    public void moveTo(ZoneId zone, Instant now) {
        if (zone == null || zone.getId().startsWith("Etc/") || !zone.getId().contains("/")) {
            throw new IllegalArgumentException("a region's time zone is required");
        }
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    public ZoneId getTimeZone() {
        try {
            return timeZone == null ? DEFAULT_TIME_ZONE : ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            return DEFAULT_TIME_ZONE;
        }
    }

    public boolean isSigningPaused() {
        return signingPaused;
    }

    /** The coalition's name in English and Spanish; pages and mail show the reader's. */
    public LocalizedText getName() {
        return name;
    }

    public LocalizedText getMission() {
        return mission == null ? LocalizedText.empty() : mission;
    }

    public String getPostalAddress() {
        return postalAddress;
    }
}
