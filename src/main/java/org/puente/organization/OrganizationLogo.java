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

/**
 * An organization's logo, kept apart from the organization so listing organizations never loads
 * images. Only PNG, JPEG and WebP up to {@value #MAX_BYTES} bytes are accepted, recognised by their
 * content rather than by what the browser claims (SVG is refused: it can carry scripts).
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

    /** The media type of an accepted image, judged by its first bytes; empty for anything else. */
    public static Optional<String> detectType(byte[] content) {
        if (content == null || content.length < 12 || content.length > MAX_BYTES) {
            return Optional.empty();
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if ((content[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
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
