package org.puente.platform.web;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Static files (stylesheets, scripts, images under {@code resources/}) carry a version in their address: a
 * digest of their content, {@code ?h=…}, unless their library already names one ({@code v=15.0.13}). An
 * address so marked never changes meaning, so it is answered with {@code Cache-Control: public,
 * max-age=31536000, immutable}: a returning visitor on a prepaid plan downloads the portal's stylesheet once
 * a release, not once a page. A new release with a changed file has a new address.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    /** The request parameter holding the content's digest. */
    static final String DIGEST = "h";

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final ConcurrentMap<String, String> digests = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return versioned(super.createResource(resourceName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return versioned(super.createResource(resourceName, libraryName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return versioned(super.createResource(resourceName, libraryName, contentType));
    }

    @Override
    public void handleResourceRequest(FacesContext context) throws IOException {
        ExternalContext external = context.getExternalContext();
        var parameters = external.getRequestParameterMap();
        if (!(parameters.containsKey(DIGEST) || parameters.containsKey("v"))
                || !(external.getResponse() instanceof HttpServletResponse response)) {
            super.handleResourceRequest(context);
            return;
        }
        response.setHeader("Cache-Control", IMMUTABLE);
        // The JSF implementation would set its own week-long expiry: this address's content never changes.
        external.setResponse(new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!isExpiry(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!isExpiry(name)) {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void setDateHeader(String name, long date) {
                if (!isExpiry(name)) {
                    super.setDateHeader(name, date);
                }
            }
        });
        try {
            super.handleResourceRequest(context);
        } finally {
            external.setResponse(response);
        }
    }

    private static boolean isExpiry(String header) {
        return "Cache-Control".equalsIgnoreCase(header) || "Expires".equalsIgnoreCase(header);
    }

    private Resource versioned(Resource resource) {
        if (resource == null) {
            return null;
        }
        return new ResourceWrapper(resource) {
            @Override
            public String getRequestPath() {
                String path = super.getRequestPath();
                if (path.contains("v=") || path.contains(DIGEST + "=")) {
                    return path;
                }
                String key = getLibraryName() + "/" + getResourceName();
                String digest = digests.computeIfAbsent(key, ignored -> digestOf(getWrapped()));
                return path + (path.indexOf('?') < 0 ? '?' : '&') + DIGEST + '=' + digest;
            }
        };
    }

    static String digestOf(Resource resource) {
        try (InputStream content = resource.getInputStream()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
