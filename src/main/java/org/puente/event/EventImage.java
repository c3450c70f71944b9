package org.puente.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.puente.platform.web.StoredImage;

/** An event's picture: PNG or JPEG up to {@value #MAX_BYTES} bytes, re-encoded without metadata. */
@Entity
@Table(name = "event_image")
public class EventImage extends StoredImage {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    @Id
    @Column(name = "event_id")
    private Long eventId;

    protected EventImage() {}

    EventImage(Long eventId, byte[] content, Instant now) {
        this.eventId = eventId;
        replace(content, now);
    }

    final void replace(byte[] content, Instant now) {
        store(content, MAX_BYTES, now);
    }
}
