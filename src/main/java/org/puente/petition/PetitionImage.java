package org.puente.petition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.puente.platform.web.StoredImage;

/** A petition's picture: PNG or JPEG up to {@value #MAX_BYTES} bytes, re-encoded without metadata. */
@Entity
@Table(name = "petition_image")
public class PetitionImage extends StoredImage {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    @Id
    @Column(name = "petition_id")
    private Long petitionId;

    protected PetitionImage() {}

    PetitionImage(Long petitionId, byte[] content, Instant now) {
        this.petitionId = petitionId;
        replace(content, now);
    }

    final void replace(byte[] content, Instant now) {
        store(content, MAX_BYTES, now);
    }
}
