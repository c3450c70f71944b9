package org.puente.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.puente.platform.web.StoredImage;

/** An organization's logo: PNG or JPEG up to {@value #MAX_BYTES} bytes, re-encoded without metadata. */
@Entity
@Table(name = "organization_logo")
@NamedQuery(name = "OrganizationLogo.findOrganizationIds", query = "select l.organizationId from OrganizationLogo l")
public class OrganizationLogo extends StoredImage {

    public static final int MAX_BYTES = 1024 * 1024;

    @Id
    @Column(name = "organization_id")
    private Long organizationId;

    protected OrganizationLogo() {}

    OrganizationLogo(Long organizationId, byte[] content, Instant now) {
        this.organizationId = organizationId;
        replace(content, now);
    }

    final void replace(byte[] content, Instant now) {
        store(content, MAX_BYTES, now);
    }

    /** The media type of an accepted logo; empty for anything else. */
    public static Optional<String> detectType(byte[] content) {
        return detectType(content, MAX_BYTES);
    }
}
