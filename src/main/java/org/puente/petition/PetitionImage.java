package org.puente.petition;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.puente.platform.web.Images;

/**
 * A petition's picture, kept apart from the petition so pages that list petitions never load images.
 * PNG, JPEG or WebP up to {@value #MAX_BYTES} bytes ({@link Images}).
 */
@Entity
@Table(name = "petition_image")
public class PetitionImage {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    @Id
    @Column(name = "petition_id")
    private Long petitionId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PetitionImage() {
    }

    PetitionImage(Long petitionId, byte[] content, Instant now) {
        this.petitionId = petitionId;
        replace(content, now);
    }

    final void replace(byte[] content, Instant now) {
        this.contentType = detectType(content).orElseThrow(() -> new IllegalArgumentException("not an accepted image"));
        this.content = content.clone();
        this.updatedAt = now;
    }

    public static Optional<String> detectType(byte[] content) {
        return content == null || content.length > MAX_BYTES ? Optional.empty() : Images.detectType(content);
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return Arrays.copyOf(content, content.length);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
