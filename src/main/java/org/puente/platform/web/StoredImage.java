package org.puente.platform.web;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A picture kept in its own row, apart from what it belongs to, so that listing those never loads
 * images: an organization's logo, a petition's picture. Only PNG and JPEG are accepted, judged by their
 * content and written anew without their metadata ({@link Images#reencode}), each kind with its own size
 * limit.
 */
@MappedSuperclass
public abstract class StoredImage {

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The media type of an accepted image no larger than {@code maxBytes}; empty otherwise. */
    public static Optional<String> detectType(byte[] content, int maxBytes) {
        return content == null || content.length > maxBytes ? Optional.empty() : Images.detectType(content);
    }

    protected final void store(byte[] content, int maxBytes, Instant now) {
        this.contentType =
                detectType(content, maxBytes).orElseThrow(() -> new IllegalArgumentException("not an accepted image"));
        this.content = content.clone();
        this.updatedAt = now;
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
