package org.puente.organization;

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
 * An organization's logo, kept apart from the organization so listing organizations never loads
 * images. Only PNG, JPEG and WebP up to {@value #MAX_BYTES} bytes are accepted ({@link Images}).
 */
@Entity
@Table(name = "organization_logo")
public class OrganizationLogo {

    public static final int MAX_BYTES = 1024 * 1024;

    @Id
    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OrganizationLogo() {
    }

    OrganizationLogo(Long organizationId, byte[] content, Instant now) {
        this.organizationId = organizationId;
        replace(content, now);
    }

    final void replace(byte[] content, Instant now) {
        this.contentType = detectType(content).orElseThrow(
                () -> new IllegalArgumentException("not an accepted image"));
        this.content = content.clone();
        this.updatedAt = now;
    }

    /** The media type of an accepted logo (a PNG, JPEG or WebP image within the size limit); empty otherwise. */
    public static Optional<String> detectType(byte[] content) {
        if (content == null || content.length > MAX_BYTES) {
            return Optional.empty();
        }
        return Images.detectType(content);
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
